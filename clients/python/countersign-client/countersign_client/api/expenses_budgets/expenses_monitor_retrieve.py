from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.expenses_monitor_retrieve_category import ExpensesMonitorRetrieveCategory
from ...models.expenses_monitor_retrieve_fiscal_year_type_1 import ExpensesMonitorRetrieveFiscalYearType1
from ...models.monitor import Monitor
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: ExpensesMonitorRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesMonitorRetrieveFiscalYearType1 | int | Unset = UNSET,
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
    elif isinstance(fiscal_year, ExpensesMonitorRetrieveFiscalYearType1):
        json_fiscal_year = fiscal_year.value
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/expenses/monitor/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Monitor | None:
    if response.status_code == 200:
        response_200 = Monitor.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Monitor]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesMonitorRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesMonitorRetrieveFiscalYearType1 | int | Unset = UNSET,
) -> Response[Error | Monitor]:
    """Budget use per category, month and quarter

     Budget, reserved, spent and remaining for each month (M01..M12) and quarter (Q1..Q4) of
    the budget lines with a ledger. Finance, the sales GM, the CEO, auditors and administrators
    see every department; a regional manager only their own (another is 403); anyone else is
    refused with 403 `permission_denied` rather than shown an empty monitor.

    Args:
        category (ExpensesMonitorRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesMonitorRetrieveFiscalYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Monitor]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: ExpensesMonitorRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesMonitorRetrieveFiscalYearType1 | int | Unset = UNSET,
) -> Error | Monitor | None:
    """Budget use per category, month and quarter

     Budget, reserved, spent and remaining for each month (M01..M12) and quarter (Q1..Q4) of
    the budget lines with a ledger. Finance, the sales GM, the CEO, auditors and administrators
    see every department; a regional manager only their own (another is 403); anyone else is
    refused with 403 `permission_denied` rather than shown an empty monitor.

    Args:
        category (ExpensesMonitorRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesMonitorRetrieveFiscalYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Monitor
    """

    return sync_detailed(
        client=client,
        category=category,
        department=department,
        fiscal_year=fiscal_year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: ExpensesMonitorRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesMonitorRetrieveFiscalYearType1 | int | Unset = UNSET,
) -> Response[Error | Monitor]:
    """Budget use per category, month and quarter

     Budget, reserved, spent and remaining for each month (M01..M12) and quarter (Q1..Q4) of
    the budget lines with a ledger. Finance, the sales GM, the CEO, auditors and administrators
    see every department; a regional manager only their own (another is 403); anyone else is
    refused with 403 `permission_denied` rather than shown an empty monitor.

    Args:
        category (ExpensesMonitorRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesMonitorRetrieveFiscalYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Monitor]
    """

    kwargs = _get_kwargs(
        category=category,
        department=department,
        fiscal_year=fiscal_year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: ExpensesMonitorRetrieveCategory | Unset = UNSET,
    department: int | str | Unset = UNSET,
    fiscal_year: ExpensesMonitorRetrieveFiscalYearType1 | int | Unset = UNSET,
) -> Error | Monitor | None:
    """Budget use per category, month and quarter

     Budget, reserved, spent and remaining for each month (M01..M12) and quarter (Q1..Q4) of
    the budget lines with a ledger. Finance, the sales GM, the CEO, auditors and administrators
    see every department; a regional manager only their own (another is 403); anyone else is
    refused with 403 `permission_denied` rather than shown an empty monitor.

    Args:
        category (ExpensesMonitorRetrieveCategory | Unset):
        department (int | str | Unset):
        fiscal_year (ExpensesMonitorRetrieveFiscalYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Monitor
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            department=department,
            fiscal_year=fiscal_year,
        )
    ).parsed
