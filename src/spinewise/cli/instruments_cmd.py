"""``spinewise instruments``: the questionnaire instruments loaded, and scoring one."""

from __future__ import annotations

from typing import Annotated

import typer

from spinewise.cli.errors import fail
from spinewise.cli.options import JsonOption


def instruments_command(
    score: Annotated[
        str | None, typer.Option("--score", help="Score this instrument (its id).")
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", "-a", help="ITEM=VALUE for each item (with --score)."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List the instruments (packaged, and packs named by SPINEWISE_INSTRUMENT_PACKS) with
    their licence notes, or score one with --score ID -a ITEM=VALUE ...

    A broken pack file stops with its file, field and reason (exit status 2).
    """
    import json

    from rich.console import Console

    from spinewise.core.content_loader import ContentError
    from spinewise.core.instruments import AnswersError, load_instruments, score_instrument

    try:
        found = load_instruments()
    except ContentError as error:
        fail(str(error))
    console = Console(highlight=False)
    if score is None:
        if as_json:
            typer.echo(json.dumps({i: found[i].model_dump(mode="json") for i in found}, indent=2))
            return
        for instrument in found.values():
            console.print(f"[bold]{instrument.id}[/]: {instrument.title} (v{instrument.version})")
            console.print(f"  {len(instrument.items)} items; (c) {instrument.copyright}")
            console.print(f"  Licence: {' '.join(instrument.licence.split())}")
            if not instrument.validated:
                console.print("  Not validated in this wording.")
        return
    if score not in found:
        fail(f"no instrument {score!r}: one of {', '.join(found)}")
    pairs = [value.partition("=") for value in answer or []]
    if any(not sep for _, sep, _ in pairs):
        fail("--answer takes ITEM=VALUE")
    try:
        result = score_instrument(found[score], {k.strip(): v.strip() for k, _, v in pairs})
    except AnswersError as error:
        fail(f"the answers do not fit {score}: {error}")
    if as_json:
        typer.echo(json.dumps(result.model_dump(mode="json"), indent=2))
        return
    console.print(f"[bold]{result.band_label}[/]")
    for reason in result.reasons:
        console.print(f"  - {reason}")
