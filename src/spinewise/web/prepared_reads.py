"""Fixed reads on the hot path of every signed-in page, with their SQL written once.

Django's ORM builds and compiles a query on every call. For the rows every signed-in
request reads before its page does anything (the session, then the person), building the
query cost about 0.31 and 0.44 ms on the bench machine, where running the statement
itself cost 0.04 ms; a programme page's three small reads cost over 2 ms the same way.

``PreparedRead`` writes one SELECT per database connection from the model's own metadata,
prepares its parameters with the fields' own ``get_db_prep_value`` and converts each row
with the converters the ORM would use, so what comes back is what the ORM would have
returned. It covers only what those reads need: equality and comparisons joined by AND,
an ORDER BY, and either every row or the first one. Anything else uses the ORM.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from weakref import WeakKeyDictionary

from django.db import connections, router
from django.db.models import Field, Model

M = TypeVar("M", bound=Model)

# What the ORM calls a converter: (value, expression, connection) -> value.
Converter = Callable[[Any, Any, Any], Any]
OPERATORS = frozenset({"=", ">", "<", ">=", "<="})


@dataclass(frozen=True)
class _Statement:
    sql: str
    # Per selected column: its converters and the column expression they are given.
    converters: tuple[tuple[tuple[Converter, ...], Any], ...]


class PreparedRead(Generic[M]):
    """``SELECT <columns> FROM <table> WHERE <field> <op> %s [AND ...] [ORDER BY ...]``.

    - ``where``: (field name, operator) pairs, joined by AND; the parameters are given
      in the same order to ``first``, ``rows`` or ``instance``.
    - ``columns``: field names; by default every concrete field but those in ``defer``.
      ``instance`` leaves the others deferred, as ``QuerySet.defer`` does: they load when
      first used.
    - ``order_by``: field names, ``-name`` for descending, as in ``QuerySet.order_by``.

    ``first`` reads one row: by a unique first field, or the first in ``order_by`` order
    (``LIMIT 1``); a read that is neither is refused, since its row would be arbitrary.
    """

    def __init__(
        self,
        model: type[M],
        where: Sequence[tuple[str, str]],
        columns: Sequence[str] | None = None,
        order_by: Sequence[str] = (),
        defer: Sequence[str] = (),
    ) -> None:
        self.model = model
        self.where: tuple[tuple[Field[Any, Any], str], ...] = tuple(
            (_column(model, name), operator) for name, operator in where
        )
        if not self.where:
            raise ValueError("a prepared read needs a WHERE condition")
        unknown = {operator for _, operator in self.where} - OPERATORS
        if unknown:
            raise ValueError(f"unsupported operators: {sorted(unknown)}")
        if columns and defer:
            raise ValueError("name the columns or what to defer, not both")
        deferred = {_column(model, name) for name in defer}
        self.fields: tuple[Field[Any, Any], ...] = (
            tuple(_column(model, name) for name in columns)
            if columns
            else tuple(f for f in model._meta.concrete_fields if f not in deferred)
        )
        self.order_by = tuple(
            (_column(model, name.removeprefix("-")), name.startswith("-")) for name in order_by
        )
        key, operator = self.where[0]
        self.unique = operator == "=" and (key.unique or key.primary_key)
        self.attnames = [field.attname for field in self.fields]
        # Per connection object (each thread has its own): the converters are its methods.
        self._statements: WeakKeyDictionary[Any, dict[bool, _Statement]] = WeakKeyDictionary()

    def _statement(self, connection: Any, one: bool) -> _Statement:
        known = self._statements.setdefault(connection, {})
        found = known.get(one)
        if found is not None:
            return found
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)

        def column_of(field: Field[Any, Any]) -> str:
            assert field.column is not None  # _column takes concrete fields only
            return f"{table}.{quote(field.column)}"

        sql = f"SELECT {', '.join(column_of(field) for field in self.fields)} FROM {table}"
        sql += " WHERE " + " AND ".join(
            f"{column_of(field)} {operator} %s" for field, operator in self.where
        )
        if self.order_by:
            sql += " ORDER BY " + ", ".join(
                f"{column_of(field)}{' DESC' if descending else ' ASC'}"
                for field, descending in self.order_by
            )
        if one and not self.unique:
            sql += " LIMIT 1"
        converters = []
        for field in self.fields:
            column = field.get_col(self.model._meta.db_table)
            found_converters = [
                *connection.ops.get_db_converters(column),
                *field.get_db_converters(connection),
            ]
            converters.append((tuple(found_converters), column))
        found = known[one] = _Statement(sql, tuple(converters))
        return found

    def _run(self, params: Sequence[Any], one: bool) -> list[tuple[Any, ...]]:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        statement = self._statement(connection, one)
        prepared = [
            field.get_db_prep_value(value, connection)
            for (field, _), value in zip(self.where, params, strict=True)
        ]
        if any(
            operator == "=" and _out_of_range(field, value, connection)
            for (field, operator), value in zip(self.where, prepared, strict=True)
        ):
            return []  # as the ORM: no integer column equals a number it cannot hold
        found = _execute(connection, statement.sql, prepared, one)
        rows = []
        for row in found:
            if row is None:
                continue
            converted = []
            for value, (converters, column) in zip(row, statement.converters, strict=True):
                for convert in converters:
                    value = convert(value, column, connection)
                converted.append(value)
            rows.append(tuple(converted))
        return rows

    def first(self, *params: Any) -> tuple[Any, ...] | None:
        """The row's values in ``columns`` order, converted as the ORM would; None if none."""
        if not (self.unique or self.order_by):
            raise ValueError("one row needs a unique key or an order")
        found = self._run(params, one=True)
        return found[0] if found else None

    def rows(self, *params: Any) -> list[tuple[Any, ...]]:
        """Every matching row, in ``order_by`` order (the database's own without one)."""
        return self._run(params, one=False)

    def instance(self, *params: Any) -> M | None:
        """The model instance ``first`` finds, as the ORM would build it; None if none."""
        values = self.first(*params)
        if values is None:
            return None
        return self.model.from_db(router.db_for_read(self.model), self.attnames, values)


def _execute(connection: Any, sql: str, params: list[Any], one: bool) -> list[Any]:
    """Runs the statement on the backend's own cursor, with the checks Django's cursor
    wrapper makes (a usable connection, not shared across threads, no broken transaction,
    errors as ``django.db`` errors) but not its per-call layers: about 20 µs a read.
    While queries are being logged (DEBUG, ``assertNumQueries``) or wrapped
    (``execute_wrapper``), it goes through Django's cursor so that they see it."""
    if connection.queries_logged or connection.execute_wrappers:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [cursor.fetchone()] if one else list(cursor.fetchall())
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    connection.validate_no_broken_transaction()
    with connection.wrap_database_errors:
        cursor = connection.create_cursor()
        try:
            cursor.execute(sql, params)
            return [cursor.fetchone()] if one else list(cursor.fetchall())
        finally:
            cursor.close()


def _column(model: type[Model], name: str) -> Field[Any, Any]:
    """The model's field stored in its own table under ``name`` (not a many-to-many)."""
    for field in model._meta.concrete_fields:
        if name in (field.name, field.attname):
            return field
    raise ValueError(f"{model.__name__}.{name} is not a column of its table")


def _out_of_range(field: Field[Any, Any], value: Any, connection: Any) -> bool:
    """Whether ``value`` is an integer the field's column cannot hold on this database."""
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    stored = getattr(field, "target_field", field)  # a foreign key stores its target's type
    low, high = connection.ops.integer_field_ranges.get(stored.get_internal_type(), (None, None))
    return (low is not None and value < low) or (high is not None and value > high)
