from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contracts_contracts_list_credit_breach_type_1 import ContractsContractsListCreditBreachType1
from ...models.contracts_contracts_list_customer_type_1 import ContractsContractsListCustomerType1
from ...models.contracts_contracts_list_mine_type_1 import ContractsContractsListMineType1
from ...models.contracts_contracts_list_page_size_type_1 import ContractsContractsListPageSizeType1
from ...models.contracts_contracts_list_page_type_1 import ContractsContractsListPageType1
from ...models.contracts_contracts_list_state import ContractsContractsListState
from ...models.error import Error
from ...models.paginated_contract_list import PaginatedContractList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    credit_breach: bool | ContractsContractsListCreditBreachType1 | Unset = UNSET,
    customer: ContractsContractsListCustomerType1 | int | Unset = UNSET,
    mine: bool | ContractsContractsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsContractsListPageType1 | int | Unset = UNSET,
    page_size: ContractsContractsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    region: str | Unset = UNSET,
    state: ContractsContractsListState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_credit_breach: bool | str | Unset
    if isinstance(credit_breach, Unset):
        json_credit_breach = UNSET
    elif isinstance(credit_breach, ContractsContractsListCreditBreachType1):
        json_credit_breach = credit_breach.value
    else:
        json_credit_breach = credit_breach
    params["credit_breach"] = json_credit_breach

    json_customer: int | str | Unset
    if isinstance(customer, Unset):
        json_customer = UNSET
    elif isinstance(customer, ContractsContractsListCustomerType1):
        json_customer = customer.value
    else:
        json_customer = customer
    params["customer"] = json_customer

    json_mine: bool | str | Unset
    if isinstance(mine, Unset):
        json_mine = UNSET
    elif isinstance(mine, ContractsContractsListMineType1):
        json_mine = mine.value
    else:
        json_mine = mine
    params["mine"] = json_mine

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ContractsContractsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ContractsContractsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    params["region"] = region

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state.value

    params["state"] = json_state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/contracts/contracts/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedContractList | None:
    if response.status_code == 200:
        response_200 = PaginatedContractList.from_dict(response.json())

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
) -> Response[Error | PaginatedContractList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    credit_breach: bool | ContractsContractsListCreditBreachType1 | Unset = UNSET,
    customer: ContractsContractsListCustomerType1 | int | Unset = UNSET,
    mine: bool | ContractsContractsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsContractsListPageType1 | int | Unset = UNSET,
    page_size: ContractsContractsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    region: str | Unset = UNSET,
    state: ContractsContractsListState | Unset = UNSET,
) -> Response[Error | PaginatedContractList]:
    """Contracts the user may see (reviewers and auditors: all; a regional manager: their
    regions'; anyone else: their own, their customers', and those they review), newest first.
    Every version is a row of its own.

    Args:
        credit_breach (bool | ContractsContractsListCreditBreachType1 | Unset):
        customer (ContractsContractsListCustomerType1 | int | Unset):
        mine (bool | ContractsContractsListMineType1 | Unset):
        ordering (str | Unset):
        page (ContractsContractsListPageType1 | int | Unset):
        page_size (ContractsContractsListPageSizeType1 | int | Unset):
        q (str | Unset):
        region (str | Unset):
        state (ContractsContractsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedContractList]
    """

    kwargs = _get_kwargs(
        credit_breach=credit_breach,
        customer=customer,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
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
    credit_breach: bool | ContractsContractsListCreditBreachType1 | Unset = UNSET,
    customer: ContractsContractsListCustomerType1 | int | Unset = UNSET,
    mine: bool | ContractsContractsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsContractsListPageType1 | int | Unset = UNSET,
    page_size: ContractsContractsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    region: str | Unset = UNSET,
    state: ContractsContractsListState | Unset = UNSET,
) -> Error | PaginatedContractList | None:
    """Contracts the user may see (reviewers and auditors: all; a regional manager: their
    regions'; anyone else: their own, their customers', and those they review), newest first.
    Every version is a row of its own.

    Args:
        credit_breach (bool | ContractsContractsListCreditBreachType1 | Unset):
        customer (ContractsContractsListCustomerType1 | int | Unset):
        mine (bool | ContractsContractsListMineType1 | Unset):
        ordering (str | Unset):
        page (ContractsContractsListPageType1 | int | Unset):
        page_size (ContractsContractsListPageSizeType1 | int | Unset):
        q (str | Unset):
        region (str | Unset):
        state (ContractsContractsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedContractList
    """

    return sync_detailed(
        client=client,
        credit_breach=credit_breach,
        customer=customer,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        region=region,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    credit_breach: bool | ContractsContractsListCreditBreachType1 | Unset = UNSET,
    customer: ContractsContractsListCustomerType1 | int | Unset = UNSET,
    mine: bool | ContractsContractsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsContractsListPageType1 | int | Unset = UNSET,
    page_size: ContractsContractsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    region: str | Unset = UNSET,
    state: ContractsContractsListState | Unset = UNSET,
) -> Response[Error | PaginatedContractList]:
    """Contracts the user may see (reviewers and auditors: all; a regional manager: their
    regions'; anyone else: their own, their customers', and those they review), newest first.
    Every version is a row of its own.

    Args:
        credit_breach (bool | ContractsContractsListCreditBreachType1 | Unset):
        customer (ContractsContractsListCustomerType1 | int | Unset):
        mine (bool | ContractsContractsListMineType1 | Unset):
        ordering (str | Unset):
        page (ContractsContractsListPageType1 | int | Unset):
        page_size (ContractsContractsListPageSizeType1 | int | Unset):
        q (str | Unset):
        region (str | Unset):
        state (ContractsContractsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedContractList]
    """

    kwargs = _get_kwargs(
        credit_breach=credit_breach,
        customer=customer,
        mine=mine,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        region=region,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    credit_breach: bool | ContractsContractsListCreditBreachType1 | Unset = UNSET,
    customer: ContractsContractsListCustomerType1 | int | Unset = UNSET,
    mine: bool | ContractsContractsListMineType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsContractsListPageType1 | int | Unset = UNSET,
    page_size: ContractsContractsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    region: str | Unset = UNSET,
    state: ContractsContractsListState | Unset = UNSET,
) -> Error | PaginatedContractList | None:
    """Contracts the user may see (reviewers and auditors: all; a regional manager: their
    regions'; anyone else: their own, their customers', and those they review), newest first.
    Every version is a row of its own.

    Args:
        credit_breach (bool | ContractsContractsListCreditBreachType1 | Unset):
        customer (ContractsContractsListCustomerType1 | int | Unset):
        mine (bool | ContractsContractsListMineType1 | Unset):
        ordering (str | Unset):
        page (ContractsContractsListPageType1 | int | Unset):
        page_size (ContractsContractsListPageSizeType1 | int | Unset):
        q (str | Unset):
        region (str | Unset):
        state (ContractsContractsListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedContractList
    """

    return (
        await asyncio_detailed(
            client=client,
            credit_breach=credit_breach,
            customer=customer,
            mine=mine,
            ordering=ordering,
            page=page,
            page_size=page_size,
            q=q,
            region=region,
            state=state,
        )
    ).parsed
