from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contracts_credit_limit_changes_list_customer_type_1 import ContractsCreditLimitChangesListCustomerType1
from ...models.contracts_credit_limit_changes_list_page_size_type_1 import ContractsCreditLimitChangesListPageSizeType1
from ...models.contracts_credit_limit_changes_list_page_type_1 import ContractsCreditLimitChangesListPageType1
from ...models.contracts_credit_limit_changes_list_state import ContractsCreditLimitChangesListState
from ...models.error import Error
from ...models.paginated_credit_limit_change_list import PaginatedCreditLimitChangeList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    customer: ContractsCreditLimitChangesListCustomerType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsCreditLimitChangesListPageType1 | int | Unset = UNSET,
    page_size: ContractsCreditLimitChangesListPageSizeType1 | int | Unset = UNSET,
    state: ContractsCreditLimitChangesListState | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_customer: int | str | Unset
    if isinstance(customer, Unset):
        json_customer = UNSET
    elif isinstance(customer, ContractsCreditLimitChangesListCustomerType1):
        json_customer = customer.value
    else:
        json_customer = customer
    params["customer"] = json_customer

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ContractsCreditLimitChangesListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ContractsCreditLimitChangesListPageSizeType1):
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
        "url": "/api/contracts/credit-limit-changes/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedCreditLimitChangeList | None:
    if response.status_code == 200:
        response_200 = PaginatedCreditLimitChangeList.from_dict(response.json())

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
) -> Response[Error | PaginatedCreditLimitChangeList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    customer: ContractsCreditLimitChangesListCustomerType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsCreditLimitChangesListPageType1 | int | Unset = UNSET,
    page_size: ContractsCreditLimitChangesListPageSizeType1 | int | Unset = UNSET,
    state: ContractsCreditLimitChangesListState | Unset = UNSET,
) -> Response[Error | PaginatedCreditLimitChangeList]:
    """Limit changes of the customers the user may see, newest first (finance's to-do list:
    `?state=pending`).

    Args:
        customer (ContractsCreditLimitChangesListCustomerType1 | int | Unset):
        ordering (str | Unset):
        page (ContractsCreditLimitChangesListPageType1 | int | Unset):
        page_size (ContractsCreditLimitChangesListPageSizeType1 | int | Unset):
        state (ContractsCreditLimitChangesListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCreditLimitChangeList]
    """

    kwargs = _get_kwargs(
        customer=customer,
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
    customer: ContractsCreditLimitChangesListCustomerType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsCreditLimitChangesListPageType1 | int | Unset = UNSET,
    page_size: ContractsCreditLimitChangesListPageSizeType1 | int | Unset = UNSET,
    state: ContractsCreditLimitChangesListState | Unset = UNSET,
) -> Error | PaginatedCreditLimitChangeList | None:
    """Limit changes of the customers the user may see, newest first (finance's to-do list:
    `?state=pending`).

    Args:
        customer (ContractsCreditLimitChangesListCustomerType1 | int | Unset):
        ordering (str | Unset):
        page (ContractsCreditLimitChangesListPageType1 | int | Unset):
        page_size (ContractsCreditLimitChangesListPageSizeType1 | int | Unset):
        state (ContractsCreditLimitChangesListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCreditLimitChangeList
    """

    return sync_detailed(
        client=client,
        customer=customer,
        ordering=ordering,
        page=page,
        page_size=page_size,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    customer: ContractsCreditLimitChangesListCustomerType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsCreditLimitChangesListPageType1 | int | Unset = UNSET,
    page_size: ContractsCreditLimitChangesListPageSizeType1 | int | Unset = UNSET,
    state: ContractsCreditLimitChangesListState | Unset = UNSET,
) -> Response[Error | PaginatedCreditLimitChangeList]:
    """Limit changes of the customers the user may see, newest first (finance's to-do list:
    `?state=pending`).

    Args:
        customer (ContractsCreditLimitChangesListCustomerType1 | int | Unset):
        ordering (str | Unset):
        page (ContractsCreditLimitChangesListPageType1 | int | Unset):
        page_size (ContractsCreditLimitChangesListPageSizeType1 | int | Unset):
        state (ContractsCreditLimitChangesListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCreditLimitChangeList]
    """

    kwargs = _get_kwargs(
        customer=customer,
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
    customer: ContractsCreditLimitChangesListCustomerType1 | int | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsCreditLimitChangesListPageType1 | int | Unset = UNSET,
    page_size: ContractsCreditLimitChangesListPageSizeType1 | int | Unset = UNSET,
    state: ContractsCreditLimitChangesListState | Unset = UNSET,
) -> Error | PaginatedCreditLimitChangeList | None:
    """Limit changes of the customers the user may see, newest first (finance's to-do list:
    `?state=pending`).

    Args:
        customer (ContractsCreditLimitChangesListCustomerType1 | int | Unset):
        ordering (str | Unset):
        page (ContractsCreditLimitChangesListPageType1 | int | Unset):
        page_size (ContractsCreditLimitChangesListPageSizeType1 | int | Unset):
        state (ContractsCreditLimitChangesListState | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCreditLimitChangeList
    """

    return (
        await asyncio_detailed(
            client=client,
            customer=customer,
            ordering=ordering,
            page=page,
            page_size=page_size,
            state=state,
        )
    ).parsed
