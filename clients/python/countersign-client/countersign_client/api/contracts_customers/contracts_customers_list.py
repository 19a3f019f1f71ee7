from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contracts_customers_list_page_size_type_1 import ContractsCustomersListPageSizeType1
from ...models.contracts_customers_list_page_type_1 import ContractsCustomersListPageType1
from ...models.contracts_customers_list_rating import ContractsCustomersListRating
from ...models.contracts_customers_list_value_class import ContractsCustomersListValueClass
from ...models.error import Error
from ...models.paginated_customer_list import PaginatedCustomerList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ordering: str | Unset = UNSET,
    page: ContractsCustomersListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    rating: ContractsCustomersListRating | Unset = UNSET,
    region: str | Unset = UNSET,
    value_class: ContractsCustomersListValueClass | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ContractsCustomersListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ContractsCustomersListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    json_rating: str | Unset = UNSET
    if not isinstance(rating, Unset):
        json_rating = rating.value

    params["rating"] = json_rating

    params["region"] = region

    json_value_class: str | Unset = UNSET
    if not isinstance(value_class, Unset):
        json_value_class = value_class.value

    params["value_class"] = json_value_class

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/contracts/customers/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedCustomerList | None:
    if response.status_code == 200:
        response_200 = PaginatedCustomerList.from_dict(response.json())

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
) -> Response[Error | PaginatedCustomerList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
    page: ContractsCustomersListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    rating: ContractsCustomersListRating | Unset = UNSET,
    region: str | Unset = UNSET,
    value_class: ContractsCustomersListValueClass | Unset = UNSET,
) -> Response[Error | PaginatedCustomerList]:
    """Customers the user may see (readers: all; others their regions' and their own), by
    name.

    Args:
        ordering (str | Unset):
        page (ContractsCustomersListPageType1 | int | Unset):
        page_size (ContractsCustomersListPageSizeType1 | int | Unset):
        q (str | Unset):
        rating (ContractsCustomersListRating | Unset):
        region (str | Unset):
        value_class (ContractsCustomersListValueClass | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCustomerList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        rating=rating,
        region=region,
        value_class=value_class,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
    page: ContractsCustomersListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    rating: ContractsCustomersListRating | Unset = UNSET,
    region: str | Unset = UNSET,
    value_class: ContractsCustomersListValueClass | Unset = UNSET,
) -> Error | PaginatedCustomerList | None:
    """Customers the user may see (readers: all; others their regions' and their own), by
    name.

    Args:
        ordering (str | Unset):
        page (ContractsCustomersListPageType1 | int | Unset):
        page_size (ContractsCustomersListPageSizeType1 | int | Unset):
        q (str | Unset):
        rating (ContractsCustomersListRating | Unset):
        region (str | Unset):
        value_class (ContractsCustomersListValueClass | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCustomerList
    """

    return sync_detailed(
        client=client,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        rating=rating,
        region=region,
        value_class=value_class,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
    page: ContractsCustomersListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    rating: ContractsCustomersListRating | Unset = UNSET,
    region: str | Unset = UNSET,
    value_class: ContractsCustomersListValueClass | Unset = UNSET,
) -> Response[Error | PaginatedCustomerList]:
    """Customers the user may see (readers: all; others their regions' and their own), by
    name.

    Args:
        ordering (str | Unset):
        page (ContractsCustomersListPageType1 | int | Unset):
        page_size (ContractsCustomersListPageSizeType1 | int | Unset):
        q (str | Unset):
        rating (ContractsCustomersListRating | Unset):
        region (str | Unset):
        value_class (ContractsCustomersListValueClass | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedCustomerList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
        rating=rating,
        region=region,
        value_class=value_class,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ordering: str | Unset = UNSET,
    page: ContractsCustomersListPageType1 | int | Unset = UNSET,
    page_size: ContractsCustomersListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
    rating: ContractsCustomersListRating | Unset = UNSET,
    region: str | Unset = UNSET,
    value_class: ContractsCustomersListValueClass | Unset = UNSET,
) -> Error | PaginatedCustomerList | None:
    """Customers the user may see (readers: all; others their regions' and their own), by
    name.

    Args:
        ordering (str | Unset):
        page (ContractsCustomersListPageType1 | int | Unset):
        page_size (ContractsCustomersListPageSizeType1 | int | Unset):
        q (str | Unset):
        rating (ContractsCustomersListRating | Unset):
        region (str | Unset):
        value_class (ContractsCustomersListValueClass | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedCustomerList
    """

    return (
        await asyncio_detailed(
            client=client,
            ordering=ordering,
            page=page,
            page_size=page_size,
            q=q,
            rating=rating,
            region=region,
            value_class=value_class,
        )
    ).parsed
