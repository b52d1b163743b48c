"""The PySide6 review window; the only package of annotator that imports Qt.

``app.run(db_path)`` starts it. Every edit goes through ``runner.EditRunner`` and the store's
edit operations; the widgets only show state and turn key presses into operations.
"""
