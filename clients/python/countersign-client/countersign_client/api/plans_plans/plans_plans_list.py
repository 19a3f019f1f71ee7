from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_plan_list import PaginatedPlanList
from ...models.plans_plans_list_fiscal_year_type_1 import PlansPlansListFiscalYearType1
from ...models.plans_plans_list_page_size_type_1 import PlansPlansListPageSizeType1
from ...models.plans_plans_list_page_type_1 import PlansPlansListPageType1
from ...models.plans_plans_list_state import PlansPlansListState
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    fiscal_year: int | PlansPlansListFiscalYearType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansListPageSizeType1 | Unset = UNSET,
    state: PlansPlansListState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_fiscal_year: int | str | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    elif isinstance(fiscal_year, PlansPlansListFiscalYearType1):
        json_fiscal_year = fiscal_year.value
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, PlansPlansListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, PlansPlansListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/plans/plans/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedPlanList | None:
    if response.status_code == 200:
        response_200 = PaginatedPlanList.from_dict(response.json())

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
) -> Response[Error | PaginatedPlanList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | PlansPlansListFiscalYearType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansListPageSizeType1 | Unset = UNSET,
    state: PlansPlansListState | Unset = UNSET,
) -> Response[Error | PaginatedPlanList]:
    """The sales GM, the CEO, auditors and administrators see every plan; a regional manager the
    plans sent to their region; a salesperson the published plans with their line.

    Args:
        fiscal_year (int | PlansPlansListFiscalYearType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansListPageType1 | Unset):
        page_size (int | PlansPlansListPageSizeType1 | Unset):
        state (PlansPlansListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPlanList]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | PlansPlansListFiscalYearType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansListPageSizeType1 | Unset = UNSET,
    state: PlansPlansListState | Unset = UNSET,
) -> Error | PaginatedPlanList | None:
    """The sales GM, the CEO, auditors and administrators see every plan; a regional manager the
    plans sent to their region; a salesperson the published plans with their line.

    Args:
        fiscal_year (int | PlansPlansListFiscalYearType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansListPageType1 | Unset):
        page_size (int | PlansPlansListPageSizeType1 | Unset):
        state (PlansPlansListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPlanList
    """

    return sync_detailed(
        client=client,
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | PlansPlansListFiscalYearType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansListPageSizeType1 | Unset = UNSET,
    state: PlansPlansListState | Unset = UNSET,
) -> Response[Error | PaginatedPlanList]:
    """The sales GM, the CEO, auditors and administrators see every plan; a regional manager the
    plans sent to their region; a salesperson the published plans with their line.

    Args:
        fiscal_year (int | PlansPlansListFiscalYearType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansListPageType1 | Unset):
        page_size (int | PlansPlansListPageSizeType1 | Unset):
        state (PlansPlansListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedPlanList]
    """

    kwargs = _get_kwargs(
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    fiscal_year: int | PlansPlansListFiscalYearType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansListPageSizeType1 | Unset = UNSET,
    state: PlansPlansListState | Unset = UNSET,
) -> Error | PaginatedPlanList | None:
    """The sales GM, the CEO, auditors and administrators see every plan; a regional manager the
    plans sent to their region; a salesperson the published plans with their line.

    Args:
        fiscal_year (int | PlansPlansListFiscalYearType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansListPageType1 | Unset):
        page_size (int | PlansPlansListPageSizeType1 | Unset):
        state (PlansPlansListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedPlanList
    """

    return (
        await asyncio_detailed(
            client=client,
            fiscal_year=fiscal_year,
            ordering=ordering,
            page=page,
            page_size=page_size,
            state=state,
        )
    ).parsed
