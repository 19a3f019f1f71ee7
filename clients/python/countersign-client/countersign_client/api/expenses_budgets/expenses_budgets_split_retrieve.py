from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.expenses_budgets_split_retrieve_category import ExpensesBudgetsSplitRetrieveCategory
from ...models.expenses_budgets_split_retrieve_fiscal_year_type_1 import ExpensesBudgetsSplitRetrieveFiscalYearType1
from ...models.expenses_budgets_split_retrieve_mode import ExpensesBudgetsSplitRetrieveMode
from ...models.split import Split
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: ExpensesBudgetsSplitRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset = UNSET,
    mode: ExpensesBudgetsSplitRetrieveMode | Unset = ExpensesBudgetsSplitRetrieveMode.EVEN,
    total: str,
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
    elif isinstance(fiscal_year, ExpensesBudgetsSplitRetrieveFiscalYearType1):
        json_fiscal_year = fiscal_year.value
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    params["total"] = total

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/expenses/budgets/split/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Split | None:
    if response.status_code == 200:
        response_200 = Split.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Split]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsSplitRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset = UNSET,
    mode: ExpensesBudgetsSplitRetrieveMode | Unset = ExpensesBudgetsSplitRetrieveMode.EVEN,
    total: str,
) -> Response[Error | Split]:
    """Suggest quarters and months for a total

     `even`: twelve equal months; `last_year`: months shaped like last year's budget in force
    for that department and category, or even when there is none you may see.

    Args:
        category (ExpensesBudgetsSplitRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset):
        mode (ExpensesBudgetsSplitRetrieveMode | Unset):  Default:
            ExpensesBudgetsSplitRetrieveMode.EVEN.
        total (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Split]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        mode=mode,
        total=total,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsSplitRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset = UNSET,
    mode: ExpensesBudgetsSplitRetrieveMode | Unset = ExpensesBudgetsSplitRetrieveMode.EVEN,
    total: str,
) -> Error | Split | None:
    """Suggest quarters and months for a total

     `even`: twelve equal months; `last_year`: months shaped like last year's budget in force
    for that department and category, or even when there is none you may see.

    Args:
        category (ExpensesBudgetsSplitRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset):
        mode (ExpensesBudgetsSplitRetrieveMode | Unset):  Default:
            ExpensesBudgetsSplitRetrieveMode.EVEN.
        total (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Split
    """

    return sync_detailed(
        client=client,
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        mode=mode,
        total=total,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsSplitRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset = UNSET,
    mode: ExpensesBudgetsSplitRetrieveMode | Unset = ExpensesBudgetsSplitRetrieveMode.EVEN,
    total: str,
) -> Response[Error | Split]:
    """Suggest quarters and months for a total

     `even`: twelve equal months; `last_year`: months shaped like last year's budget in force
    for that department and category, or even when there is none you may see.

    Args:
        category (ExpensesBudgetsSplitRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset):
        mode (ExpensesBudgetsSplitRetrieveMode | Unset):  Default:
            ExpensesBudgetsSplitRetrieveMode.EVEN.
        total (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Split]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
        mode=mode,
        total=total,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: ExpensesBudgetsSplitRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset = UNSET,
    mode: ExpensesBudgetsSplitRetrieveMode | Unset = ExpensesBudgetsSplitRetrieveMode.EVEN,
    total: str,
) -> Error | Split | None:
    """Suggest quarters and months for a total

     `even`: twelve equal months; `last_year`: months shaped like last year's budget in force
    for that department and category, or even when there is none you may see.

    Args:
        category (ExpensesBudgetsSplitRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesBudgetsSplitRetrieveFiscalYearType1 | int | Unset):
        mode (ExpensesBudgetsSplitRetrieveMode | Unset):  Default:
            ExpensesBudgetsSplitRetrieveMode.EVEN.
        total (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Split
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            department=department,
            fiscal_year=fiscal_year,
            mode=mode,
            total=total,
        )
    ).parsed
