from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_request_list import PaginatedRequestList
from ...models.requests_list_kind import RequestsListKind
from ...models.requests_list_mine_type_1 import RequestsListMineType1
from ...models.requests_list_page_size_type_1 import RequestsListPageSizeType1
from ...models.requests_list_page_type_1 import RequestsListPageType1
from ...models.requests_list_status import RequestsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: RequestsListKind | Unset = UNSET,
    mine: bool | RequestsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | RequestsListPageType1 | Unset = UNSET,
    page_size: int | RequestsListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    status: RequestsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_mine: bool | str | Unset
    if isinstance(mine, Unset):
        json_mine = UNSET
    elif isinstance(mine, RequestsListMineType1):
        json_mine = mine.value
    else:
        json_mine = mine
    params["mine"] = json_mine

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, RequestsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, RequestsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/requests/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedRequestList | None:
    if response.status_code == 200:
        response_200 = PaginatedRequestList.from_dict(response.json())

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
) -> Response[Error | PaginatedRequestList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: RequestsListKind | Unset = UNSET,
    mine: bool | RequestsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | RequestsListPageType1 | Unset = UNSET,
    page_size: int | RequestsListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    status: RequestsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedRequestList]:
    """Every request the user may see (`mine=1`: only those they submitted), newest first.

    Args:
        kind (RequestsListKind | Unset):
        mine (bool | RequestsListMineType1 | Unset):
        ordering (str | Unset):
        page (int | RequestsListPageType1 | Unset):
        page_size (int | RequestsListPageSizeType1 | Unset):
        q (str | Unset):
        status (RequestsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedRequestList]
    """

    kwargs = _get_kwargs(
        kind=kind,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: RequestsListKind | Unset = UNSET,
    mine: bool | RequestsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | RequestsListPageType1 | Unset = UNSET,
    page_size: int | RequestsListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    status: RequestsListStatus | Unset = UNSET,
) -> Error | PaginatedRequestList | None:
    """Every request the user may see (`mine=1`: only those they submitted), newest first.

    Args:
        kind (RequestsListKind | Unset):
        mine (bool | RequestsListMineType1 | Unset):
        ordering (str | Unset):
        page (int | RequestsListPageType1 | Unset):
        page_size (int | RequestsListPageSizeType1 | Unset):
        q (str | Unset):
        status (RequestsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedRequestList
    """

    return sync_detailed(
        client=client,
        kind=kind,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: RequestsListKind | Unset = UNSET,
    mine: bool | RequestsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | RequestsListPageType1 | Unset = UNSET,
    page_size: int | RequestsListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    status: RequestsListStatus | Unset = UNSET,
) -> Response[Error | PaginatedRequestList]:
    """Every request the user may see (`mine=1`: only those they submitted), newest first.

    Args:
        kind (RequestsListKind | Unset):
        mine (bool | RequestsListMineType1 | Unset):
        ordering (str | Unset):
        page (int | RequestsListPageType1 | Unset):
        page_size (int | RequestsListPageSizeType1 | Unset):
        q (str | Unset):
        status (RequestsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedRequestList]
    """

    kwargs = _get_kwargs(
        kind=kind,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: RequestsListKind | Unset = UNSET,
    mine: bool | RequestsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | RequestsListPageType1 | Unset = UNSET,
    page_size: int | RequestsListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    status: RequestsListStatus | Unset = UNSET,
) -> Error | PaginatedRequestList | None:
    """Every request the user may see (`mine=1`: only those they submitted), newest first.

    Args:
        kind (RequestsListKind | Unset):
        mine (bool | RequestsListMineType1 | Unset):
        ordering (str | Unset):
        page (int | RequestsListPageType1 | Unset):
        page_size (int | RequestsListPageSizeType1 | Unset):
        q (str | Unset):
        status (RequestsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedRequestList
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            mine=mine,
            ordering=ordering,
            page=page,
            page_size=page_size,
            q=q,
            status=status,
        )
    ).parsed
