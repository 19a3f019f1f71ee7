import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.analytics_approvals_retrieve_band import AnalyticsApprovalsRetrieveBand
from ...models.analytics_approvals_retrieve_date_from_type_1 import AnalyticsApprovalsRetrieveDateFromType1
from ...models.analytics_approvals_retrieve_date_to_type_1 import AnalyticsApprovalsRetrieveDateToType1
from ...models.analytics_approvals_retrieve_kind import AnalyticsApprovalsRetrieveKind
from ...models.approval_analytics import ApprovalAnalytics
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    band: AnalyticsApprovalsRetrieveBand | Unset = UNSET,
    date_from: AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    department: str | Unset = UNSET,
    kind: AnalyticsApprovalsRetrieveKind | Unset = UNSET,
    region: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_band: str | Unset = UNSET
    if not isinstance(band, Unset):
        json_band = band.value

    params["band"] = json_band

    json_date_from: str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    elif isinstance(date_from, datetime.date):
        json_date_from = date_from.isoformat()
    else:
        json_date_from = date_from.value

    params["date_from"] = json_date_from

    json_date_to: str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    elif isinstance(date_to, datetime.date):
        json_date_to = date_to.isoformat()
    else:
        json_date_to = date_to.value

    params["date_to"] = json_date_to

    params["department"] = department

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["region"] = region

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/analytics/approvals/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApprovalAnalytics | Error | None:
    if response.status_code == 200:
        response_200 = ApprovalAnalytics.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApprovalAnalytics | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    band: AnalyticsApprovalsRetrieveBand | Unset = UNSET,
    date_from: AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    department: str | Unset = UNSET,
    kind: AnalyticsApprovalsRetrieveKind | Unset = UNSET,
    region: str | Unset = UNSET,
) -> Response[ApprovalAnalytics | Error]:
    """Cycle times (median, p90, max) per process and step, deadline compliance, returns,
    open tasks by age, decisions per week and the ten slowest open requests: the figures of
    the analytics page for the same filters. Bad filters are 400 with the field named.

    Args:
        band (AnalyticsApprovalsRetrieveBand | Unset):
        date_from (AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset):
        department (str | Unset):
        kind (AnalyticsApprovalsRetrieveKind | Unset):
        region (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalAnalytics | Error]
    """

    kwargs = _get_kwargs(
        band=band,
        date_from=date_from,
        date_to=date_to,
        department=department,
        kind=kind,
        region=region,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    band: AnalyticsApprovalsRetrieveBand | Unset = UNSET,
    date_from: AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    department: str | Unset = UNSET,
    kind: AnalyticsApprovalsRetrieveKind | Unset = UNSET,
    region: str | Unset = UNSET,
) -> ApprovalAnalytics | Error | None:
    """Cycle times (median, p90, max) per process and step, deadline compliance, returns,
    open tasks by age, decisions per week and the ten slowest open requests: the figures of
    the analytics page for the same filters. Bad filters are 400 with the field named.

    Args:
        band (AnalyticsApprovalsRetrieveBand | Unset):
        date_from (AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset):
        department (str | Unset):
        kind (AnalyticsApprovalsRetrieveKind | Unset):
        region (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalAnalytics | Error
    """

    return sync_detailed(
        client=client,
        band=band,
        date_from=date_from,
        date_to=date_to,
        department=department,
        kind=kind,
        region=region,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    band: AnalyticsApprovalsRetrieveBand | Unset = UNSET,
    date_from: AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    department: str | Unset = UNSET,
    kind: AnalyticsApprovalsRetrieveKind | Unset = UNSET,
    region: str | Unset = UNSET,
) -> Response[ApprovalAnalytics | Error]:
    """Cycle times (median, p90, max) per process and step, deadline compliance, returns,
    open tasks by age, decisions per week and the ten slowest open requests: the figures of
    the analytics page for the same filters. Bad filters are 400 with the field named.

    Args:
        band (AnalyticsApprovalsRetrieveBand | Unset):
        date_from (AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset):
        department (str | Unset):
        kind (AnalyticsApprovalsRetrieveKind | Unset):
        region (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalAnalytics | Error]
    """

    kwargs = _get_kwargs(
        band=band,
        date_from=date_from,
        date_to=date_to,
        department=department,
        kind=kind,
        region=region,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    band: AnalyticsApprovalsRetrieveBand | Unset = UNSET,
    date_from: AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    department: str | Unset = UNSET,
    kind: AnalyticsApprovalsRetrieveKind | Unset = UNSET,
    region: str | Unset = UNSET,
) -> ApprovalAnalytics | Error | None:
    """Cycle times (median, p90, max) per process and step, deadline compliance, returns,
    open tasks by age, decisions per week and the ten slowest open requests: the figures of
    the analytics page for the same filters. Bad filters are 400 with the field named.

    Args:
        band (AnalyticsApprovalsRetrieveBand | Unset):
        date_from (AnalyticsApprovalsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (AnalyticsApprovalsRetrieveDateToType1 | datetime.date | Unset):
        department (str | Unset):
        kind (AnalyticsApprovalsRetrieveKind | Unset):
        region (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalAnalytics | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            band=band,
            date_from=date_from,
            date_to=date_to,
            department=department,
            kind=kind,
            region=region,
        )
    ).parsed
