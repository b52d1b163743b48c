"""Package layout: the top-level resources/ and seeds/ folders ship inside the wheel.

They become the data-only packages ``annotator._resources`` and ``annotator._seeds``;
``annotator.resources`` finds them there, or in a checkout at the top level.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["annotator", "annotator.*"])
    + ["annotator._resources", "annotator._seeds"],
    package_dir={"annotator._resources": "resources", "annotator._seeds": "seeds"},
    package_data={
        "annotator._resources": [
            "*.json",
            "*.qss",
            "icons/*",
            "translations/*",
            "lexicon/*.txt",
        ],
        "annotator._seeds": ["*.txt", "*.md"],
    },
)
