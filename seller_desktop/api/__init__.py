"""WeChat Store API client: one httpx.AsyncClient, stable token, typed errors, retries.

``client`` (ApiClient, RetryPolicy), ``errors`` (ApiError and its subclasses), ``schemas``
(the only place that knows wire field names) and one small module of endpoint functions per
area: ``shop``, ``media``, ``products``, ``orders``, ``delivery``, ``ewaybill``. Each endpoint
function takes the ApiClient first and returns domain objects (or small reply dataclasses
from ``schemas``).
"""

from .client import ApiClient, RetryPolicy
from .errors import (
    ApiError,
    AuthExpired,
    AuthFailed,
    Busy,
    CaptivePortal,
    MalformedResponse,
    NotFound,
    Offline,
    QuotaExceeded,
    RateLimited,
    Rejected,
    ServerError,
    UnknownOutcome,
)

__all__ = [
    "ApiClient", "ApiError", "AuthExpired", "AuthFailed", "Busy", "CaptivePortal",
    "MalformedResponse",
    "NotFound", "Offline", "QuotaExceeded", "RateLimited", "Rejected", "RetryPolicy",
    "ServerError", "UnknownOutcome",
]
