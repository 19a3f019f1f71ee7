from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_report_list import PaginatedReportList
from ...models.reports_list_page_size_type_1 import ReportsListPageSizeType1
from ...models.reports_list_page_type_1 import ReportsListPageType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | ReportsListPageType1 | Unset = UNSET,
    page_size: int | ReportsListPageSizeType1 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ReportsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ReportsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/reports/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedReportList | None:
    if response.status_code == 200:
        response_200 = PaginatedReportList.from_dict(response.json())

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
) -> Response[Error | PaginatedReportList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | ReportsListPageType1 | Unset = UNSET,
    page_size: int | ReportsListPageSizeType1 | Unset = UNSET,
) -> Response[Error | PaginatedReportList]:
    """Archived sales analysis reports, newest period first

    Args:
        page (int | ReportsListPageType1 | Unset):
        page_size (int | ReportsListPageSizeType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedReportList]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | ReportsListPageType1 | Unset = UNSET,
    page_size: int | ReportsListPageSizeType1 | Unset = UNSET,
) -> Error | PaginatedReportList | None:
    """Archived sales analysis reports, newest period first

    Args:
        page (int | ReportsListPageType1 | Unset):
        page_size (int | ReportsListPageSizeType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedReportList
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | ReportsListPageType1 | Unset = UNSET,
    page_size: int | ReportsListPageSizeType1 | Unset = UNSET,
) -> Response[Error | PaginatedReportList]:
    """Archived sales analysis reports, newest period first

    Args:
        page (int | ReportsListPageType1 | Unset):
        page_size (int | ReportsListPageSizeType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedReportList]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | ReportsListPageType1 | Unset = UNSET,
    page_size: int | ReportsListPageSizeType1 | Unset = UNSET,
) -> Error | PaginatedReportList | None:
    """Archived sales analysis reports, newest period first

    Args:
        page (int | ReportsListPageType1 | Unset):
        page_size (int | ReportsListPageSizeType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedReportList
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
        )
    ).parsed
