"""A property-based run against ``/api/openapi.json`` (schemathesis strategies, driven by
hypothesis): whatever the generated parameters and bodies, no endpoint answers 5xx and every answer
fits its documented schema. Kept small for CI."""
from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

EXAMPLES_PER_OPERATION = 20  # ~10 operations: seconds on two cores


def test_api_never_answers_5xx_and_keeps_its_schema(web_db):
    from newsprism.web import create_app

    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(web_db, analyze=False))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
        def check(case) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

        check()
