from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actuals_import_result import ActualsImportResult
from ...models.error import Error
from ...models.plan_upload_request import PlanUploadRequest
from ...models.sales_actual import SalesActual
from ...models.sales_actual_input_request import SalesActualInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: SalesActualInputRequest | PlanUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/plans/plans/{id}/actuals/".format(
            id=quote(str(id), safe=""),
        ),
    }

    if isinstance(body, SalesActualInputRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, PlanUploadRequest):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActualsImportResult | Error | SalesActual | None:
    if response.status_code == 200:
        response_200 = ActualsImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = SalesActual.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ActualsImportResult | Error | SalesActual]:
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
    body: SalesActualInputRequest | PlanUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ActualsImportResult | Error | SalesActual]:
    """Record one month's actual (JSON) or import a file (multipart `file`); a file with any bad row is
    refused whole, every bad row named (`row 7`)

     The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (SalesActualInputRequest):
        body (PlanUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActualsImportResult | Error | SalesActual]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SalesActualInputRequest | PlanUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ActualsImportResult | Error | SalesActual | None:
    """Record one month's actual (JSON) or import a file (multipart `file`); a file with any bad row is
    refused whole, every bad row named (`row 7`)

     The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (SalesActualInputRequest):
        body (PlanUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActualsImportResult | Error | SalesActual
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SalesActualInputRequest | PlanUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ActualsImportResult | Error | SalesActual]:
    """Record one month's actual (JSON) or import a file (multipart `file`); a file with any bad row is
    refused whole, every bad row named (`row 7`)

     The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (SalesActualInputRequest):
        body (PlanUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActualsImportResult | Error | SalesActual]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: SalesActualInputRequest | PlanUploadRequest | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ActualsImportResult | Error | SalesActual | None:
    """Record one month's actual (JSON) or import a file (multipart `file`); a file with any bad row is
    refused whole, every bad row named (`row 7`)

     The plan's year's actuals you may see; POST records one (JSON) or imports a file
    (multipart, .xlsx or CSV: salesperson, [year], month, amount, [region], [note]).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (SalesActualInputRequest):
        body (PlanUploadRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActualsImportResult | Error | SalesActual
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
