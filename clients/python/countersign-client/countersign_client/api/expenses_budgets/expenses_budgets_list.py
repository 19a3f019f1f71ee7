from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.expenses_budgets_list_category import ExpensesBudgetsListCategory
from ...models.expenses_budgets_list_fiscal_year_type_1 import ExpensesBudgetsListFiscalYearType1
from ...models.expenses_budgets_list_page_size_type_1 import ExpensesBudgetsListPageSizeType1
from ...models.expenses_budgets_list_page_type_1 import ExpensesBudgetsListPageType1
from ...models.expenses_budgets_list_state import ExpensesBudgetsListState
from ...models.paginated_budget_list import PaginatedBudgetList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: ExpensesBudgetsListCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsListFiscalYearType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesBudgetsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesBudgetsListPageSizeType1 | int | Unset = UNSET,
    region: int | str | Unset = UNSET,
    state: ExpensesBudgetsListState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_department: int | str | Unset
    if isinstance(department, Unset):
        json_department = UNSET
    else:
        json_department = department
    params["department"] = json_department

    json_fiscal_year: int | str | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    elif isinstance(fiscal_year, ExpensesBudgetsListFiscalYearType1):
        json_fiscal_year = fiscal_year.value
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ExpensesBudgetsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ExpensesBudgetsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    json_region: int | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/expenses/budgets/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedBudgetList | None:
    if response.status_code == 200:
        response_200 = PaginatedBudgetList.from_dict(response.json())

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
) -> Response[Error | PaginatedBudgetList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsListCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsListFiscalYearType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesBudgetsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesBudgetsListPageSizeType1 | int | Unset = UNSET,
    region: int | str | Unset = UNSET,
    state: ExpensesBudgetsListState | Unset = UNSET,
) -> Response[Error | PaginatedBudgetList]:
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager their own department's; anyone else an empty list.

    Args:
        category (ExpensesBudgetsListCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsListFiscalYearType1 | int | Unset):
        ordering (str | Unset):
        page (ExpensesBudgetsListPageType1 | int | Unset):
        page_size (ExpensesBudgetsListPageSizeType1 | int | Unset):
        region (int | str | Unset):
        state (ExpensesBudgetsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedBudgetList]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsListCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsListFiscalYearType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesBudgetsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesBudgetsListPageSizeType1 | int | Unset = UNSET,
    region: int | str | Unset = UNSET,
    state: ExpensesBudgetsListState | Unset = UNSET,
) -> Error | PaginatedBudgetList | None:
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager their own department's; anyone else an empty list.

    Args:
        category (ExpensesBudgetsListCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsListFiscalYearType1 | int | Unset):
        ordering (str | Unset):
        page (ExpensesBudgetsListPageType1 | int | Unset):
        page_size (ExpensesBudgetsListPageSizeType1 | int | Unset):
        region (int | str | Unset):
        state (ExpensesBudgetsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedBudgetList
    """

    return sync_detailed(
        client=client,
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsListCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsListFiscalYearType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesBudgetsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesBudgetsListPageSizeType1 | int | Unset = UNSET,
    region: int | str | Unset = UNSET,
    state: ExpensesBudgetsListState | Unset = UNSET,
) -> Response[Error | PaginatedBudgetList]:
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager their own department's; anyone else an empty list.

    Args:
        category (ExpensesBudgetsListCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsListFiscalYearType1 | int | Unset):
        ordering (str | Unset):
        page (ExpensesBudgetsListPageType1 | int | Unset):
        page_size (ExpensesBudgetsListPageSizeType1 | int | Unset):
        region (int | str | Unset):
        state (ExpensesBudgetsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedBudgetList]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsListCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsListFiscalYearType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ExpensesBudgetsListPageType1 | int | Unset = UNSET,
    page_size: ExpensesBudgetsListPageSizeType1 | int | Unset = UNSET,
    region: int | str | Unset = UNSET,
    state: ExpensesBudgetsListState | Unset = UNSET,
) -> Error | PaginatedBudgetList | None:
    """Finance, the sales GM, the CEO, auditors and administrators see every budget; a regional
    manager their own department's; anyone else an empty list.

    Args:
        category (ExpensesBudgetsListCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsListFiscalYearType1 | int | Unset):
        ordering (str | Unset):
        page (ExpensesBudgetsListPageType1 | int | Unset):
        page_size (ExpensesBudgetsListPageSizeType1 | int | Unset):
        region (int | str | Unset):
        state (ExpensesBudgetsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedBudgetList
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            department=department,
            fiscal_year=fiscal_year,
            ordering=ordering,
            page=page,
            page_size=page_size,
            region=region,
            state=state,
        )
    ).parsed
