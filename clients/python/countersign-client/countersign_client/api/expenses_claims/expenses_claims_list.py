from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.expenses_claims_list_category import ExpensesClaimsListCategory
from ...models.expenses_claims_list_mine_type_1 import ExpensesClaimsListMineType1
from ...models.expenses_claims_list_page_size_type_1 import ExpensesClaimsListPageSizeType1
from ...models.expenses_claims_list_page_type_1 import ExpensesClaimsListPageType1
from ...models.expenses_claims_list_state import ExpensesClaimsListState
from ...models.expenses_claims_list_submitter_type_1 import ExpensesClaimsListSubmitterType1
from ...models.paginated_claim_list import PaginatedClaimList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: ExpensesClaimsListCategory | Unset = UNSET,
    mine: bool | ExpensesClaimsListMineType1 | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesClaimsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesClaimsListPageSizeType1 | int | Unset = UNSET,
    state: ExpensesClaimsListState | Unset = UNSET,
    submitter: ExpensesClaimsListSubmitterType1 | int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_mine: bool | str | Unset
    if isinstance(mine, Unset):
        json_mine = UNSET
    elif isinstance(mine, ExpensesClaimsListMineType1):
        json_mine = mine.value
    else:
        json_mine = mine
    params["mine"] = json_mine

    params["month"] = month

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ExpensesClaimsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ExpensesClaimsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    json_submitter: int | str | Unset
    if isinstance(submitter, Unset):
        json_submitter = UNSET
    elif isinstance(submitter, ExpensesClaimsListSubmitterType1):
        json_submitter = submitter.value
    else:
        json_submitter = submitter
    params["submitter"] = json_submitter

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/expenses/claims/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedClaimList | None:
    if response.status_code == 200:
        response_200 = PaginatedClaimList.from_dict(response.json())

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
) -> Response[Error | PaginatedClaimList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesClaimsListCategory | Unset = UNSET,
    mine: bool | ExpensesClaimsListMineType1 | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesClaimsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesClaimsListPageSizeType1 | int | Unset = UNSET,
    state: ExpensesClaimsListState | Unset = UNSET,
    submitter: ExpensesClaimsListSubmitterType1 | int | Unset = UNSET,
) -> Response[Error | PaginatedClaimList]:
    """Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        category (ExpensesClaimsListCategory | Unset):
        mine (bool | ExpensesClaimsListMineType1 | Unset):
        month (str | Unset):
        ordering (str | Unset):
        page (ExpensesClaimsListPageType1 | int | Unset):
        page_size (ExpensesClaimsListPageSizeType1 | int | Unset):
        state (ExpensesClaimsListState | Unset):
        submitter (ExpensesClaimsListSubmitterType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedClaimList]
    """

    kwargs = _get_kwargs(
        category=category,
        mine=mine,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
        submitter=submitter,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: ExpensesClaimsListCategory | Unset = UNSET,
    mine: bool | ExpensesClaimsListMineType1 | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesClaimsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesClaimsListPageSizeType1 | int | Unset = UNSET,
    state: ExpensesClaimsListState | Unset = UNSET,
    submitter: ExpensesClaimsListSubmitterType1 | int | Unset = UNSET,
) -> Error | PaginatedClaimList | None:
    """Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        category (ExpensesClaimsListCategory | Unset):
        mine (bool | ExpensesClaimsListMineType1 | Unset):
        month (str | Unset):
        ordering (str | Unset):
        page (ExpensesClaimsListPageType1 | int | Unset):
        page_size (ExpensesClaimsListPageSizeType1 | int | Unset):
        state (ExpensesClaimsListState | Unset):
        submitter (ExpensesClaimsListSubmitterType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedClaimList
    """

    return sync_detailed(
        client=client,
        category=category,
        mine=mine,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
        submitter=submitter,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesClaimsListCategory | Unset = UNSET,
    mine: bool | ExpensesClaimsListMineType1 | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesClaimsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesClaimsListPageSizeType1 | int | Unset = UNSET,
    state: ExpensesClaimsListState | Unset = UNSET,
    submitter: ExpensesClaimsListSubmitterType1 | int | Unset = UNSET,
) -> Response[Error | PaginatedClaimList]:
    """Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        category (ExpensesClaimsListCategory | Unset):
        mine (bool | ExpensesClaimsListMineType1 | Unset):
        month (str | Unset):
        ordering (str | Unset):
        page (ExpensesClaimsListPageType1 | int | Unset):
        page_size (ExpensesClaimsListPageSizeType1 | int | Unset):
        state (ExpensesClaimsListState | Unset):
        submitter (ExpensesClaimsListSubmitterType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedClaimList]
    """

    kwargs = _get_kwargs(
        category=category,
        mine=mine,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
        submitter=submitter,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: ExpensesClaimsListCategory | Unset = UNSET,
    mine: bool | ExpensesClaimsListMineType1 | Unset = UNSET,
    month: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesClaimsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesClaimsListPageSizeType1 | int | Unset = UNSET,
    state: ExpensesClaimsListState | Unset = UNSET,
    submitter: ExpensesClaimsListSubmitterType1 | int | Unset = UNSET,
) -> Error | PaginatedClaimList | None:
    """Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        category (ExpensesClaimsListCategory | Unset):
        mine (bool | ExpensesClaimsListMineType1 | Unset):
        month (str | Unset):
        ordering (str | Unset):
        page (ExpensesClaimsListPageType1 | int | Unset):
        page_size (ExpensesClaimsListPageSizeType1 | int | Unset):
        state (ExpensesClaimsListState | Unset):
        submitter (ExpensesClaimsListSubmitterType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedClaimList
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            mine=mine,
            month=month,
            ordering=ordering,
            page=page,
            page_size=page_size,
            state=state,
            submitter=submitter,
        )
    ).parsed
