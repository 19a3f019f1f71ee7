import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_stats import ContractStats
from ...models.contracts_statistics_retrieve_date_from_type_1 import ContractsStatisticsRetrieveDateFromType1
from ...models.contracts_statistics_retrieve_date_to_type_1 import ContractsStatisticsRetrieveDateToType1
from ...models.contracts_statistics_retrieve_year_type_1 import ContractsStatisticsRetrieveYearType1
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    date_from: ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    region: str | Unset = UNSET,
    year: ContractsStatisticsRetrieveYearType1 | int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    params["region"] = region

    json_year: int | str | Unset
    if isinstance(year, Unset):
        json_year = UNSET
    elif isinstance(year, ContractsStatisticsRetrieveYearType1):
        json_year = year.value
    else:
        json_year = year
    params["year"] = json_year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/contracts/statistics/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractStats | Error | None:
    if response.status_code == 200:
        response_200 = ContractStats.from_dict(response.json())

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
) -> Response[ContractStats | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    date_from: ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    region: str | Unset = UNSET,
    year: ContractsStatisticsRetrieveYearType1 | int | Unset = UNSET,
) -> Response[ContractStats | Error]:
    """Contract counts, values, review times, credit breaches and collections

     Over the contracts the caller may see (a regional manager: their regions; legal,
    finance, the sales GM, the CEO and auditors: all). A contract number counts once, as its
    signed version if any, dated by its first submission. Money is a string with two decimals;
    the currency is given once.

    Args:
        date_from (ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset):
        region (str | Unset):
        year (ContractsStatisticsRetrieveYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractStats | Error]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        region=region,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    date_from: ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    region: str | Unset = UNSET,
    year: ContractsStatisticsRetrieveYearType1 | int | Unset = UNSET,
) -> ContractStats | Error | None:
    """Contract counts, values, review times, credit breaches and collections

     Over the contracts the caller may see (a regional manager: their regions; legal,
    finance, the sales GM, the CEO and auditors: all). A contract number counts once, as its
    signed version if any, dated by its first submission. Money is a string with two decimals;
    the currency is given once.

    Args:
        date_from (ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset):
        region (str | Unset):
        year (ContractsStatisticsRetrieveYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractStats | Error
    """

    return sync_detailed(
        client=client,
        date_from=date_from,
        date_to=date_to,
        region=region,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    date_from: ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    region: str | Unset = UNSET,
    year: ContractsStatisticsRetrieveYearType1 | int | Unset = UNSET,
) -> Response[ContractStats | Error]:
    """Contract counts, values, review times, credit breaches and collections

     Over the contracts the caller may see (a regional manager: their regions; legal,
    finance, the sales GM, the CEO and auditors: all). A contract number counts once, as its
    signed version if any, dated by its first submission. Money is a string with two decimals;
    the currency is given once.

    Args:
        date_from (ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset):
        region (str | Unset):
        year (ContractsStatisticsRetrieveYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractStats | Error]
    """

    kwargs = _get_kwargs(
        date_from=date_from,
        date_to=date_to,
        region=region,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    date_from: ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset = UNSET,
    date_to: ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset = UNSET,
    region: str | Unset = UNSET,
    year: ContractsStatisticsRetrieveYearType1 | int | Unset = UNSET,
) -> ContractStats | Error | None:
    """Contract counts, values, review times, credit breaches and collections

     Over the contracts the caller may see (a regional manager: their regions; legal,
    finance, the sales GM, the CEO and auditors: all). A contract number counts once, as its
    signed version if any, dated by its first submission. Money is a string with two decimals;
    the currency is given once.

    Args:
        date_from (ContractsStatisticsRetrieveDateFromType1 | datetime.date | Unset):
        date_to (ContractsStatisticsRetrieveDateToType1 | datetime.date | Unset):
        region (str | Unset):
        year (ContractsStatisticsRetrieveYearType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractStats | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            date_from=date_from,
            date_to=date_to,
            region=region,
            year=year,
        )
    ).parsed
