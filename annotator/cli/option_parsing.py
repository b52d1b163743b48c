"""Click's command and group classes that never take the next option as an option's value."""

from __future__ import annotations

import click


class _ValuesFirst(click.Command):
    """A command whose value-taking options never take the next option as their value:
    ``import --paper --db gold.db pages`` named the paper "--db", made a new database in
    the user data folder and imported gold.db itself as a page. The reviewer is told the
    value is missing instead (usage error, exit status 2), before anything is opened."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = {
            name
            for param in self.get_params(ctx)
            if isinstance(param, click.Option) and not param.is_flag and not param.count
            for name in param.opts
        }
        known = {name for param in self.get_params(ctx) for name in param.opts}
        for option, following in zip(args, args[1:], strict=False):
            if option == "--":
                break
            if option in takes_value and following in known:
                raise click.UsageError(
                    f"{option} needs a value: it was followed by the option {following}", ctx
                )
        return super().parse_args(ctx, args)


class _Group(_ValuesFirst, click.Group):
    command_class = _ValuesFirst
