from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_events_export_csv_amount_max_type_1 import AuditEventsExportCsvAmountMaxType1
from ...models.audit_events_export_csv_amount_min_type_1 import AuditEventsExportCsvAmountMinType1
from ...models.audit_events_export_csv_configuration_type_1 import AuditEventsExportCsvConfigurationType1
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    actor: str | Unset = UNSET,
    amount_max: AuditEventsExportCsvAmountMaxType1 | str | Unset = UNSET,
    amount_min: AuditEventsExportCsvAmountMinType1 | str | Unset = UNSET,
    configuration: AuditEventsExportCsvConfigurationType1 | bool | Unset = UNSET,
    event: str | Unset = UNSET,
    number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    since: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_kind: str | Unset = UNSET,
    until: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["actor"] = actor

    json_amount_max: str | Unset
    if isinstance(amount_max, Unset):
        json_amount_max = UNSET
    elif isinstance(amount_max, AuditEventsExportCsvAmountMaxType1):
        json_amount_max = amount_max.value
    else:
        json_amount_max = amount_max
    params["amount_max"] = json_amount_max

    json_amount_min: str | Unset
    if isinstance(amount_min, Unset):
        json_amount_min = UNSET
    elif isinstance(amount_min, AuditEventsExportCsvAmountMinType1):
        json_amount_min = amount_min.value
    else:
        json_amount_min = amount_min
    params["amount_min"] = json_amount_min

    json_configuration: bool | str | Unset
    if isinstance(configuration, Unset):
        json_configuration = UNSET
    elif isinstance(configuration, AuditEventsExportCsvConfigurationType1):
        json_configuration = configuration.value
    else:
        json_configuration = configuration
    params["configuration"] = json_configuration

    params["event"] = event

    params["number"] = number

    params["q"] = q

    params["since"] = since

    params["subject_id"] = subject_id

    params["subject_kind"] = subject_kind

    params["until"] = until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/audit/events/export.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    amount_max: AuditEventsExportCsvAmountMaxType1 | str | Unset = UNSET,
    amount_min: AuditEventsExportCsvAmountMinType1 | str | Unset = UNSET,
    configuration: AuditEventsExportCsvConfigurationType1 | bool | Unset = UNSET,
    event: str | Unset = UNSET,
    number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    since: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_kind: str | Unset = UNSET,
    until: str | Unset = UNSET,
) -> Response[Error | str]:
    """The same filters as the event list, all matching rows, streamed as CSV.

    Args:
        actor (str | Unset):
        amount_max (AuditEventsExportCsvAmountMaxType1 | str | Unset):
        amount_min (AuditEventsExportCsvAmountMinType1 | str | Unset):
        configuration (AuditEventsExportCsvConfigurationType1 | bool | Unset):
        event (str | Unset):
        number (str | Unset):
        q (str | Unset):
        since (str | Unset):
        subject_id (str | Unset):
        subject_kind (str | Unset):
        until (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        actor=actor,
        amount_max=amount_max,
        amount_min=amount_min,
        configuration=configuration,
        event=event,
        number=number,
        q=q,
        since=since,
        subject_id=subject_id,
        subject_kind=subject_kind,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    amount_max: AuditEventsExportCsvAmountMaxType1 | str | Unset = UNSET,
    amount_min: AuditEventsExportCsvAmountMinType1 | str | Unset = UNSET,
    configuration: AuditEventsExportCsvConfigurationType1 | bool | Unset = UNSET,
    event: str | Unset = UNSET,
    number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    since: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_kind: str | Unset = UNSET,
    until: str | Unset = UNSET,
) -> Error | str | None:
    """The same filters as the event list, all matching rows, streamed as CSV.

    Args:
        actor (str | Unset):
        amount_max (AuditEventsExportCsvAmountMaxType1 | str | Unset):
        amount_min (AuditEventsExportCsvAmountMinType1 | str | Unset):
        configuration (AuditEventsExportCsvConfigurationType1 | bool | Unset):
        event (str | Unset):
        number (str | Unset):
        q (str | Unset):
        since (str | Unset):
        subject_id (str | Unset):
        subject_kind (str | Unset):
        until (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        client=client,
        actor=actor,
        amount_max=amount_max,
        amount_min=amount_min,
        configuration=configuration,
        event=event,
        number=number,
        q=q,
        since=since,
        subject_id=subject_id,
        subject_kind=subject_kind,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    amount_max: AuditEventsExportCsvAmountMaxType1 | str | Unset = UNSET,
    amount_min: AuditEventsExportCsvAmountMinType1 | str | Unset = UNSET,
    configuration: AuditEventsExportCsvConfigurationType1 | bool | Unset = UNSET,
    event: str | Unset = UNSET,
    number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    since: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_kind: str | Unset = UNSET,
    until: str | Unset = UNSET,
) -> Response[Error | str]:
    """The same filters as the event list, all matching rows, streamed as CSV.

    Args:
        actor (str | Unset):
        amount_max (AuditEventsExportCsvAmountMaxType1 | str | Unset):
        amount_min (AuditEventsExportCsvAmountMinType1 | str | Unset):
        configuration (AuditEventsExportCsvConfigurationType1 | bool | Unset):
        event (str | Unset):
        number (str | Unset):
        q (str | Unset):
        since (str | Unset):
        subject_id (str | Unset):
        subject_kind (str | Unset):
        until (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        actor=actor,
        amount_max=amount_max,
        amount_min=amount_min,
        configuration=configuration,
        event=event,
        number=number,
        q=q,
        since=since,
        subject_id=subject_id,
        subject_kind=subject_kind,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    actor: str | Unset = UNSET,
    amount_max: AuditEventsExportCsvAmountMaxType1 | str | Unset = UNSET,
    amount_min: AuditEventsExportCsvAmountMinType1 | str | Unset = UNSET,
    configuration: AuditEventsExportCsvConfigurationType1 | bool | Unset = UNSET,
    event: str | Unset = UNSET,
    number: str | Unset = UNSET,
    q: str | Unset = UNSET,
    since: str | Unset = UNSET,
    subject_id: str | Unset = UNSET,
    subject_kind: str | Unset = UNSET,
    until: str | Unset = UNSET,
) -> Error | str | None:
    """The same filters as the event list, all matching rows, streamed as CSV.

    Args:
        actor (str | Unset):
        amount_max (AuditEventsExportCsvAmountMaxType1 | str | Unset):
        amount_min (AuditEventsExportCsvAmountMinType1 | str | Unset):
        configuration (AuditEventsExportCsvConfigurationType1 | bool | Unset):
        event (str | Unset):
        number (str | Unset):
        q (str | Unset):
        since (str | Unset):
        subject_id (str | Unset):
        subject_kind (str | Unset):
        until (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            client=client,
            actor=actor,
            amount_max=amount_max,
            amount_min=amount_min,
            configuration=configuration,
            event=event,
            number=number,
            q=q,
            since=since,
            subject_id=subject_id,
            subject_kind=subject_kind,
            until=until,
        )
    ).parsed
