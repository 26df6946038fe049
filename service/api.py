"""The HTTP service: ``POST /v1/check``, ``GET /v1/checkers``, ``GET /healthz``, a page at ``/``.

Run it with ``tradecheck serve`` or ``uvicorn service.api:create_app --factory``. The pipeline
is loaded once at start-up; a checker or data file that fails to load stops start-up.

Every 4xx/5xx answer has one shape::

    {"error": {"code": "invalid_input", "message": "...", "detail": [...]}}

``POST /v1/check`` reads its body itself rather than letting FastAPI parse it, so that it can
refuse a wrong content type (415), a body larger than the limit (413, before parsing),
bytes that are not UTF-8 and malformed JSON (400) each with its own code.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import State
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checkers import InputError, TradecheckError

from . import __version__
from .pipeline import Pipeline
from .renderers import render_json
from .report import Report
from .settings import Settings

log = logging.getLogger("tradecheck.api")

STATIC_DIR = Path(__file__).parent / "static"
#: JSON may spell every byte of text as a \uXXXX escape (6 bytes), plus room for the other fields.
JSON_ESCAPE_FACTOR = 6
JSON_OVERHEAD = 16 * 1024

DESCRIPTION = """\
tradecheck finds the numeric claims about trade in Icelandic or English text, understands each
(value, unit, qualifier, period, countries, flow) and checks it against cited reference statistics.

Each claim in the response has a verdict: `supported`, `contradicted`, `disputed`, `unverifiable`,
`not_checked` (no checker covers this kind of number) or `error` (a checker failed; the request
still succeeds). A verdict cites the reference figures, their sources and the rule that turned the
written number into the interval it claims.

Every error answer has the shape `{"error": {"code", "message", "detail"?}}`.
"""


class ApiError(Exception):
    """An HTTP error in tradecheck's one error shape."""

    def __init__(self, status_code: int, code: str, message: str, detail: list[Any] | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.detail = detail


class ErrorBody(BaseModel):
    code: str = Field(description="stable machine-readable code, e.g. invalid_json, invalid_input, input_too_large")
    message: str = Field(description="a sentence for people")
    detail: list[dict[str, Any]] | None = Field(default=None, description="per-field problems, when there are any")


class ErrorResponse(BaseModel):
    error: ErrorBody


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class CheckRequest(BaseModel):
    """The body of ``POST /v1/check``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Bilateral trade between China and Russia exceeded $107 billion last year.",
                    "language": "en",
                    "published": "2021-03-19",
                }
            ]
        },
    )

    text: str = Field(description="the article or draft; may be empty")
    language: Literal["auto", "is", "en"] = Field(default="auto", description="is, en, or auto to detect it")
    published: date | None = Field(
        default=None,
        description="publication date (YYYY-MM-DD) that relative periods such as 'last year' are resolved "
        "against; when null, a date the text states ('Published: 19 March 2021') is used",
    )
    format: Literal["text", "markdown", "html"] = Field(
        default="text",
        description="how to read `text`: plain text, or Markdown or HTML, whose markup, code and front matter "
        "are not read as prose; claim offsets always index `text` as sent",
    )

    @field_validator("text")
    @classmethod
    def _valid_unicode(cls, value: str) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError(
                f"contains an unpaired surrogate at character {exc.start}; text must be valid Unicode"
            ) from None
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if value is None or isinstance(value, date):
            return value
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date written YYYY-MM-DD")
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a date: {exc}") from None


class CheckerInfo(BaseModel):
    name: str
    version: str
    package: str = Field(description="the distribution that provides the checker")
    description: str
    kinds: list[str] = Field(description="claim kinds the checker may take")


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    reference_data_version: str
    checkers: int


def body_limit(max_text_bytes: int) -> int:
    """The largest request body ``POST /v1/check`` reads for a given text limit."""
    return JSON_ESCAPE_FACTOR * max_text_bytes + JSON_OVERHEAD


# --- reading the request body -------------------------------------------------------------


def _require_json(request: Request) -> None:
    raw = request.headers.get("content-type")
    if raw is None:  # no header: read the body as JSON, as curl --json and most clients intend
        return
    media, *params = (part.strip().lower() for part in raw.split(";"))
    if not (media == "application/json" or (media.startswith("application/") and media.endswith("+json"))):
        raise ApiError(415, "unsupported_media_type", f"content type {raw!r} is not supported; send application/json")
    for param in params:
        key, _, val = param.partition("=")
        if key.strip() == "charset" and val.strip().strip('"') not in ("utf-8", "utf8"):
            raise ApiError(415, "unsupported_media_type", f"charset {val.strip()!r} is not supported; JSON is UTF-8")


async def _read_bounded(request: Request, limit: int) -> bytes:
    too_large = ApiError(
        413, "input_too_large", f"request body is larger than {limit} bytes, too large for any text within the limit"
    )
    length = request.headers.get("content-length")
    if length is not None:
        if not length.isdigit():
            raise ApiError(400, "invalid_request", f"Content-Length {length!r} is not a number")
        if int(length) > limit:
            raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def _validation_detail(errors: list[Any]) -> list[dict[str, Any]]:
    detail = []
    for err in errors:
        loc = [str(part) for part in err.get("loc", ()) if part != "body"]
        detail.append({"field": ".".join(loc) or "body", "message": err.get("msg", "invalid"), "type": err.get("type")})
    return detail


def _invalid_input(detail: list[dict[str, Any]]) -> ApiError:
    message = "; ".join(f"{d['field']}: {d['message']}" for d in detail)
    return ApiError(422, "invalid_input", f"invalid request: {message}", detail)


async def read_check_request(request: Request) -> CheckRequest:
    """Content type, size, encoding, JSON and fields, checked in that order."""
    _require_json(request)
    raw = await _read_bounded(request, body_limit(_settings(request).max_text_bytes))
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400, "invalid_encoding", f"request body is not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}"
        ) from None
    if not decoded.strip():
        raise ApiError(400, "invalid_json", 'request body is empty; send a JSON object such as {"text": "..."}')
    try:
        data = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400, "invalid_json", f"request body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        raise ApiError(400, "invalid_json", "request body is nested too deeply") from None
    try:
        return CheckRequest.model_validate(data)
    except ValidationError as exc:
        raise _invalid_input(_validation_detail(exc.errors(include_url=False, include_context=False))) from None


def _settings(request: Request) -> Settings:
    settings: Settings | None = getattr(request.app.state, "settings", None)
    if settings is None:
        raise ApiError(503, "not_ready", "the service has not finished starting")
    return settings


def get_pipeline(request: Request) -> Pipeline:
    pipeline: Pipeline | None = getattr(request.app.state, "pipeline", None)
    if pipeline is None:
        raise ApiError(503, "not_ready", "the service has not finished starting")
    return pipeline


PipelineDep = Annotated[Pipeline, Depends(get_pipeline)]


# --- error answers ---------------------------------------------------------------------------

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "input_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    500: "internal_error",
    503: "not_ready",
}


def error_response(
    status_code: int, code: str, message: str, detail: list[Any] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if detail:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status_code, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc.status_code, exc.code, exc.message, exc.detail)

    async def on_input_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InputError)
        return error_response(exc.status_code, exc.code, str(exc))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404:
            message = f"no such resource: {request.method} {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        err = _invalid_input(_validation_detail(list(exc.errors())))
        return error_response(err.status_code, err.code, err.message, err.detail)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        # Logged with its traceback on the server; the client only learns that it happened.
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        message = str(exc) if isinstance(exc, TradecheckError) else "internal server error"
        return error_response(500, "internal_error", message)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(InputError, on_input_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)


# --- the app -------------------------------------------------------------------------------

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "body not UTF-8 (invalid_encoding) or not JSON (invalid_json)"},
    413: {"model": ErrorResponse, "description": "text or body over the size limit (input_too_large)"},
    415: {"model": ErrorResponse, "description": "content type other than application/json"},
    422: {"model": ErrorResponse, "description": "a field is missing or invalid (invalid_input); detail names it"},
}


class StartupErrors:
    """ASGI middleware: when start-up fails on a TradecheckError, tell the server its message,
    not a traceback (uvicorn logs the ``lifespan.startup.failed`` message as it is)."""

    def __init__(self, app: ASGIApp, state: State) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def send_clean(message: Message) -> None:
            error = getattr(self.state, "startup_error", None)
            if message["type"] == "lifespan.startup.failed" and error is not None:
                message = {**message, "message": f"tradecheck cannot start: {error}"}
            await send(message)

        await self.app(scope, receive, send_clean)


def create_app(settings: Settings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """Build the app; the pipeline is ``pipeline`` if given, else loaded from ``settings`` at start-up.

    ``settings`` defaults to the pipeline's own, else to ``Settings.from_env()`` read at start-up
    (so that a bad setting fails start-up with its message, as a bad data file does).
    """
    if settings is None and pipeline is not None:
        settings = pipeline.settings

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            if app.state.settings is None:
                app.state.settings = Settings.from_env()
            if app.state.pipeline is None:
                app.state.pipeline = Pipeline.load(app.state.settings)
        except TradecheckError as exc:
            app.state.startup_error = exc
            raise
        yield

    app = FastAPI(title="tradecheck", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.pipeline = pipeline
    app.add_middleware(StartupErrors, state=app.state)
    _install_error_handlers(app)

    @app.post(
        "/v1/check",
        response_model=Report,
        responses=_ERRORS,
        summary="Find and check the trade claims in a text",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": CheckRequest.model_json_schema()}},
            }
        },
    )
    def check(
        body: Annotated[CheckRequest, Depends(read_check_request)],
        pipeline: PipelineDep,
        format: Literal["json", "claimreview"] = "json",  # noqa: A002 - the query parameter's public name
    ) -> Response:
        """`?format=claimreview` answers with a list of schema.org ClaimReview JSON-LD objects instead."""
        report = pipeline.check(
            body.text, language=body.language, published=body.published, text_format=body.format
        )
        if format == "claimreview":
            from .claimreview import claim_reviews

            reviews = claim_reviews(report, body.text)
            return Response(json.dumps(reviews, ensure_ascii=False), media_type="application/ld+json")
        return Response(render_json(report), media_type="application/json")

    @app.get("/v1/checkers", response_model=list[CheckerInfo], summary="The checkers loaded, built-in and plugins")
    def checkers(pipeline: PipelineDep) -> list[CheckerInfo]:
        return [
            CheckerInfo(
                name=loaded.name,
                version=loaded.version,
                package=loaded.package,
                description=loaded.checker.description,
                kinds=sorted(str(kind) for kind in loaded.checker.kinds),
            )
            for loaded in pipeline.registry
        ]

    @app.get("/healthz", response_model=Health, summary="Liveness, with the data version and checker count")
    def healthz(pipeline: PipelineDep) -> Health:
        return Health(reference_data_version=pipeline.reference.version, checkers=len(pipeline.registry))

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    return app
