from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.claim_create_request import ClaimCreateRequest
from ...models.claim_detail import ClaimDetail
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ClaimCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/expenses/claims/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ClaimDetail | Error | None:
    if response.status_code == 201:
        response_201 = ClaimDetail.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ClaimDetail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClaimDetail | Error]:
    """Draft a claim (submit it with /submit/)

     Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        idempotency_key (str | Unset):
        body (ClaimCreateRequest): Only these fields are read: number, state, totals and the
            submitter are the system's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimDetail | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ClaimCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> ClaimDetail | Error | None:
    """Draft a claim (submit it with /submit/)

     Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        idempotency_key (str | Unset):
        body (ClaimCreateRequest): Only these fields are read: number, state, totals and the
            submitter are the system's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimDetail | Error
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ClaimCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[ClaimDetail | Error]:
    """Draft a claim (submit it with /submit/)

     Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        idempotency_key (str | Unset):
        body (ClaimCreateRequest): Only these fields are read: number, state, totals and the
            submitter are the system's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClaimDetail | Error]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ClaimCreateRequest,
    idempotency_key: str | Unset = UNSET,
) -> ClaimDetail | Error | None:
    """Draft a claim (submit it with /submit/)

     Claims the user may see (their requests' claims; finance, auditors and administrators see
    all), newest first.

    Args:
        idempotency_key (str | Unset):
        body (ClaimCreateRequest): Only these fields are read: number, state, totals and the
            submitter are the system's.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClaimDetail | Error
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
