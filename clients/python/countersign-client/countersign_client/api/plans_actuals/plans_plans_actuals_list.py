from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_sales_actual_list import PaginatedSalesActualList
from ...models.plans_plans_actuals_list_month_type_1 import PlansPlansActualsListMonthType1
from ...models.plans_plans_actuals_list_page_size_type_1 import PlansPlansActualsListPageSizeType1
from ...models.plans_plans_actuals_list_page_type_1 import PlansPlansActualsListPageType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    month: int | PlansPlansActualsListMonthType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansActualsListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansActualsListPageSizeType1 | Unset = UNSET,
    region: str | Unset = UNSET,
    salesperson: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_month: int | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    elif isinstance(month, PlansPlansActualsListMonthType1):
        json_month = month.value
    else:
        json_month = month
    params["month"] = json_month

    params["ordering"] = ordering

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, PlansPlansActualsListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, PlansPlansActualsListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["region"] = region

    params["salesperson"] = salesperson

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/plans/plans/{id}/actuals/".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedSalesActualList | None:
    if response.status_code == 200:
        response_200 = PaginatedSalesActualList.from_dict(response.json())

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
) -> Response[Error | PaginatedSalesActualList]:
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
    month: int | PlansPlansActualsListMonthType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansActualsListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansActualsListPageSizeType1 | Unset = UNSET,
    region: str | Unset = UNSET,
    salesperson: str | Unset = UNSET,
) -> Response[Error | PaginatedSalesActualList]:
    """The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        month (int | PlansPlansActualsListMonthType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansActualsListPageType1 | Unset):
        page_size (int | PlansPlansActualsListPageSizeType1 | Unset):
        region (str | Unset):
        salesperson (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSalesActualList]
    """

    kwargs = _get_kwargs(
        id=id,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        salesperson=salesperson,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    month: int | PlansPlansActualsListMonthType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansActualsListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansActualsListPageSizeType1 | Unset = UNSET,
    region: str | Unset = UNSET,
    salesperson: str | Unset = UNSET,
) -> Error | PaginatedSalesActualList | None:
    """The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        month (int | PlansPlansActualsListMonthType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansActualsListPageType1 | Unset):
        page_size (int | PlansPlansActualsListPageSizeType1 | Unset):
        region (str | Unset):
        salesperson (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSalesActualList
    """

    return sync_detailed(
        id=id,
        client=client,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        salesperson=salesperson,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    month: int | PlansPlansActualsListMonthType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansActualsListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansActualsListPageSizeType1 | Unset = UNSET,
    region: str | Unset = UNSET,
    salesperson: str | Unset = UNSET,
) -> Response[Error | PaginatedSalesActualList]:
    """The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        month (int | PlansPlansActualsListMonthType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansActualsListPageType1 | Unset):
        page_size (int | PlansPlansActualsListPageSizeType1 | Unset):
        region (str | Unset):
        salesperson (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSalesActualList]
    """

    kwargs = _get_kwargs(
        id=id,
        month=month,
        ordering=ordering,
        page=page,
        page_size=page_size,
        region=region,
        salesperson=salesperson,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    month: int | PlansPlansActualsListMonthType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    page: int | PlansPlansActualsListPageType1 | Unset = UNSET,
    page_size: int | PlansPlansActualsListPageSizeType1 | Unset = UNSET,
    region: str | Unset = UNSET,
    salesperson: str | Unset = UNSET,
) -> Error | PaginatedSalesActualList | None:
    """The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        month (int | PlansPlansActualsListMonthType1 | Unset):
        ordering (str | Unset):
        page (int | PlansPlansActualsListPageType1 | Unset):
        page_size (int | PlansPlansActualsListPageSizeType1 | Unset):
        region (str | Unset):
        salesperson (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSalesActualList
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            month=month,
            ordering=ordering,
            page=page,
            page_size=page_size,
            region=region,
            salesperson=salesperson,
        )
    ).parsed
