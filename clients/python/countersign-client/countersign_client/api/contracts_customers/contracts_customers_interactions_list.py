from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contracts_customers_interactions_list_page_size_type_1 import (
    ContractsCustomersInteractionsListPageSizeType1,
)
from ...models.contracts_customers_interactions_list_page_type_1 import ContractsCustomersInteractionsListPageType1
from ...models.error import Error
from ...models.paginated_interaction_list import PaginatedInteractionList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    page: ContractsCustomersInteractionsListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersInteractionsListPageSizeType1 | int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ContractsCustomersInteractionsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ContractsCustomersInteractionsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/contracts/customers/{id}/interactions/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedInteractionList | None:
    if response.status_code == 200:
        response_200 = PaginatedInteractionList.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | PaginatedInteractionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    page: ContractsCustomersInteractionsListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersInteractionsListPageSizeType1 | int | Unset = UNSET,
) -> Response[Error | PaginatedInteractionList]:
    """The customer's visits, calls, complaints and notes, newest first

     The customer's interaction log, newest first; anyone who may see the customer adds to
    it.

    Args:
        id (int):
        page (ContractsCustomersInteractionsListPageType1 | int | Unset):
        page_size (ContractsCustomersInteractionsListPageSizeType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInteractionList]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    page: ContractsCustomersInteractionsListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersInteractionsListPageSizeType1 | int | Unset = UNSET,
) -> Error | PaginatedInteractionList | None:
    """The customer's visits, calls, complaints and notes, newest first

     The customer's interaction log, newest first; anyone who may see the customer adds to
    it.

    Args:
        id (int):
        page (ContractsCustomersInteractionsListPageType1 | int | Unset):
        page_size (ContractsCustomersInteractionsListPageSizeType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInteractionList
    """

    return sync_detailed(
        id=id,
        client=client,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    page: ContractsCustomersInteractionsListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersInteractionsListPageSizeType1 | int | Unset = UNSET,
) -> Response[Error | PaginatedInteractionList]:
    """The customer's visits, calls, complaints and notes, newest first

     The customer's interaction log, newest first; anyone who may see the customer adds to
    it.

    Args:
        id (int):
        page (ContractsCustomersInteractionsListPageType1 | int | Unset):
        page_size (ContractsCustomersInteractionsListPageSizeType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedInteractionList]
    """

    kwargs = _get_kwargs(
        id=id,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    page: ContractsCustomersInteractionsListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersInteractionsListPageSizeType1 | int | Unset = UNSET,
) -> Error | PaginatedInteractionList | None:
    """The customer's visits, calls, complaints and notes, newest first

     The customer's interaction log, newest first; anyone who may see the customer adds to
    it.

    Args:
        id (int):
        page (ContractsCustomersInteractionsListPageType1 | int | Unset):
        page_size (ContractsCustomersInteractionsListPageSizeType1 | int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedInteractionList
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            page=page,
            page_size=page_size,
        )
    ).parsed
