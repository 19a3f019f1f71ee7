from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contracts_products_list_active_type_1 import ContractsProductsListActiveType1
from ...models.contracts_products_list_page_size_type_1 import ContractsProductsListPageSizeType1
from ...models.contracts_products_list_page_type_1 import ContractsProductsListPageType1
from ...models.error import Error
from ...models.paginated_product_list import PaginatedProductList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: bool | ContractsProductsListActiveType1 | Unset = UNSET,
    category: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsProductsListPageType1 | int | Unset = UNSET,
    page_size: ContractsProductsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_active: bool | str | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    elif isinstance(active, ContractsProductsListActiveType1):
        json_active = active.value
    else:
        json_active = active
    params["active"] = json_active

    params["category"] = category

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, ContractsProductsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, ContractsProductsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/contracts/products/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedProductList | None:
    if response.status_code == 200:
        response_200 = PaginatedProductList.from_dict(response.json())

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
) -> Response[Error | PaginatedProductList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | ContractsProductsListActiveType1 | Unset = UNSET,
    category: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsProductsListPageType1 | int | Unset = UNSET,
    page_size: ContractsProductsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Error | PaginatedProductList]:
    """The catalogue by category and code: every signed-in user may read it (list prices are
    what the sales team quotes from).

    Args:
        active (bool | ContractsProductsListActiveType1 | Unset):
        category (str | Unset):
        ordering (str | Unset):
        page (ContractsProductsListPageType1 | int | Unset):
        page_size (ContractsProductsListPageSizeType1 | int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedProductList]
    """

    kwargs = _get_kwargs(
        active=active,
        category=category,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    active: bool | ContractsProductsListActiveType1 | Unset = UNSET,
    category: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsProductsListPageType1 | int | Unset = UNSET,
    page_size: ContractsProductsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Error | PaginatedProductList | None:
    """The catalogue by category and code: every signed-in user may read it (list prices are
    what the sales team quotes from).

    Args:
        active (bool | ContractsProductsListActiveType1 | Unset):
        category (str | Unset):
        ordering (str | Unset):
        page (ContractsProductsListPageType1 | int | Unset):
        page_size (ContractsProductsListPageSizeType1 | int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedProductList
    """

    return sync_detailed(
        client=client,
        active=active,
        category=category,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | ContractsProductsListActiveType1 | Unset = UNSET,
    category: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsProductsListPageType1 | int | Unset = UNSET,
    page_size: ContractsProductsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Response[Error | PaginatedProductList]:
    """The catalogue by category and code: every signed-in user may read it (list prices are
    what the sales team quotes from).

    Args:
        active (bool | ContractsProductsListActiveType1 | Unset):
        category (str | Unset):
        ordering (str | Unset):
        page (ContractsProductsListPageType1 | int | Unset):
        page_size (ContractsProductsListPageSizeType1 | int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedProductList]
    """

    kwargs = _get_kwargs(
        active=active,
        category=category,
        ordering=ordering,
        page=page,
        page_size=page_size,
        q=q,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active: bool | ContractsProductsListActiveType1 | Unset = UNSET,
    category: str | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: ContractsProductsListPageType1 | int | Unset = UNSET,
    page_size: ContractsProductsListPageSizeType1 | int | Unset = UNSET,
    q: str | Unset = UNSET,
) -> Error | PaginatedProductList | None:
    """The catalogue by category and code: every signed-in user may read it (list prices are
    what the sales team quotes from).

    Args:
        active (bool | ContractsProductsListActiveType1 | Unset):
        category (str | Unset):
        ordering (str | Unset):
        page (ContractsProductsListPageType1 | int | Unset):
        page_size (ContractsProductsListPageSizeType1 | int | Unset):
        q (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedProductList
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            category=category,
            ordering=ordering,
            page=page,
            page_size=page_size,
            q=q,
        )
    ).parsed
