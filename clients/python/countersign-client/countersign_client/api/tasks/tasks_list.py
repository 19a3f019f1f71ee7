from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_task_list import PaginatedTaskList
from ...models.tasks_list_amount_max_type_1 import TasksListAmountMaxType1
from ...models.tasks_list_amount_min_type_1 import TasksListAmountMinType1
from ...models.tasks_list_kind import TasksListKind
from ...models.tasks_list_overdue_type_1 import TasksListOverdueType1
from ...models.tasks_list_page_size_type_1 import TasksListPageSizeType1
from ...models.tasks_list_page_type_1 import TasksListPageType1
from ...models.tasks_list_scope import TasksListScope
from ...models.tasks_list_submitter_type_1 import TasksListSubmitterType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    amount_max: str | TasksListAmountMaxType1 | Unset = UNSET,
    amount_min: str | TasksListAmountMinType1 | Unset = UNSET,
    kind: TasksListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | TasksListOverdueType1 | Unset = UNSET,
    page: int | TasksListPageType1 | Unset = UNSET,
    page_size: int | TasksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    scope: TasksListScope | Unset = TasksListScope.INBOX,
    step: str | Unset = UNSET,
    submitter: int | TasksListSubmitterType1 | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_amount_max: str | Unset
    if isinstance(amount_max, Unset):
        json_amount_max = UNSET
    elif isinstance(amount_max, TasksListAmountMaxType1):
        json_amount_max = amount_max.value
    else:
        json_amount_max = amount_max
    params["amount_max"] = json_amount_max

    json_amount_min: str | Unset
    if isinstance(amount_min, Unset):
        json_amount_min = UNSET
    elif isinstance(amount_min, TasksListAmountMinType1):
        json_amount_min = amount_min.value
    else:
        json_amount_min = amount_min
    params["amount_min"] = json_amount_min

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["ordering"] = ordering

    json_overdue: bool | str | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    elif isinstance(overdue, TasksListOverdueType1):
        json_overdue = overdue.value
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, TasksListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, TasksListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    json_scope: str | Unset = UNSET
    if not isinstance(scope, Unset):
        json_scope = scope.value

    params["scope"] = json_scope

    params["step"] = step

    json_submitter: int | str | Unset
    if isinstance(submitter, Unset):
        json_submitter = UNSET
    elif isinstance(submitter, TasksListSubmitterType1):
        json_submitter = submitter.value
    else:
        json_submitter = submitter
    params["submitter"] = json_submitter

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tasks/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedTaskList | None:
    if response.status_code == 200:
        response_200 = PaginatedTaskList.from_dict(response.json())

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
) -> Response[Error | PaginatedTaskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    amount_max: str | TasksListAmountMaxType1 | Unset = UNSET,
    amount_min: str | TasksListAmountMinType1 | Unset = UNSET,
    kind: TasksListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | TasksListOverdueType1 | Unset = UNSET,
    page: int | TasksListPageType1 | Unset = UNSET,
    page_size: int | TasksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    scope: TasksListScope | Unset = TasksListScope.INBOX,
    step: str | Unset = UNSET,
    submitter: int | TasksListSubmitterType1 | Unset = UNSET,
) -> Response[Error | PaginatedTaskList]:
    """inbox: assigned to me or to someone I act for; queue: claimable by me; archive: decided
    by me. Unknown scope or a bad filter value is 400 with the field named.

    Args:
        amount_max (str | TasksListAmountMaxType1 | Unset):
        amount_min (str | TasksListAmountMinType1 | Unset):
        kind (TasksListKind | Unset):
        ordering (str | Unset):
        overdue (bool | TasksListOverdueType1 | Unset):
        page (int | TasksListPageType1 | Unset):
        page_size (int | TasksListPageSizeType1 | Unset):
        q (str | Unset):
        scope (TasksListScope | Unset):  Default: TasksListScope.INBOX.
        step (str | Unset):
        submitter (int | TasksListSubmitterType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTaskList]
    """

    kwargs = _get_kwargs(
        amount_max=amount_max,
        amount_min=amount_min,
        kind=kind,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        q=q,
        scope=scope,
        step=step,
        submitter=submitter,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    amount_max: str | TasksListAmountMaxType1 | Unset = UNSET,
    amount_min: str | TasksListAmountMinType1 | Unset = UNSET,
    kind: TasksListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | TasksListOverdueType1 | Unset = UNSET,
    page: int | TasksListPageType1 | Unset = UNSET,
    page_size: int | TasksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    scope: TasksListScope | Unset = TasksListScope.INBOX,
    step: str | Unset = UNSET,
    submitter: int | TasksListSubmitterType1 | Unset = UNSET,
) -> Error | PaginatedTaskList | None:
    """inbox: assigned to me or to someone I act for; queue: claimable by me; archive: decided
    by me. Unknown scope or a bad filter value is 400 with the field named.

    Args:
        amount_max (str | TasksListAmountMaxType1 | Unset):
        amount_min (str | TasksListAmountMinType1 | Unset):
        kind (TasksListKind | Unset):
        ordering (str | Unset):
        overdue (bool | TasksListOverdueType1 | Unset):
        page (int | TasksListPageType1 | Unset):
        page_size (int | TasksListPageSizeType1 | Unset):
        q (str | Unset):
        scope (TasksListScope | Unset):  Default: TasksListScope.INBOX.
        step (str | Unset):
        submitter (int | TasksListSubmitterType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTaskList
    """

    return sync_detailed(
        client=client,
        amount_max=amount_max,
        amount_min=amount_min,
        kind=kind,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        q=q,
        scope=scope,
        step=step,
        submitter=submitter,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    amount_max: str | TasksListAmountMaxType1 | Unset = UNSET,
    amount_min: str | TasksListAmountMinType1 | Unset = UNSET,
    kind: TasksListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | TasksListOverdueType1 | Unset = UNSET,
    page: int | TasksListPageType1 | Unset = UNSET,
    page_size: int | TasksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    scope: TasksListScope | Unset = TasksListScope.INBOX,
    step: str | Unset = UNSET,
    submitter: int | TasksListSubmitterType1 | Unset = UNSET,
) -> Response[Error | PaginatedTaskList]:
    """inbox: assigned to me or to someone I act for; queue: claimable by me; archive: decided
    by me. Unknown scope or a bad filter value is 400 with the field named.

    Args:
        amount_max (str | TasksListAmountMaxType1 | Unset):
        amount_min (str | TasksListAmountMinType1 | Unset):
        kind (TasksListKind | Unset):
        ordering (str | Unset):
        overdue (bool | TasksListOverdueType1 | Unset):
        page (int | TasksListPageType1 | Unset):
        page_size (int | TasksListPageSizeType1 | Unset):
        q (str | Unset):
        scope (TasksListScope | Unset):  Default: TasksListScope.INBOX.
        step (str | Unset):
        submitter (int | TasksListSubmitterType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTaskList]
    """

    kwargs = _get_kwargs(
        amount_max=amount_max,
        amount_min=amount_min,
        kind=kind,
        ordering=ordering,
        overdue=overdue,
        page=page,
        page_size=page_size,
        q=q,
        scope=scope,
        step=step,
        submitter=submitter,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    amount_max: str | TasksListAmountMaxType1 | Unset = UNSET,
    amount_min: str | TasksListAmountMinType1 | Unset = UNSET,
    kind: TasksListKind | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | TasksListOverdueType1 | Unset = UNSET,
    page: int | TasksListPageType1 | Unset = UNSET,
    page_size: int | TasksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    scope: TasksListScope | Unset = TasksListScope.INBOX,
    step: str | Unset = UNSET,
    submitter: int | TasksListSubmitterType1 | Unset = UNSET,
) -> Error | PaginatedTaskList | None:
    """inbox: assigned to me or to someone I act for; queue: claimable by me; archive: decided
    by me. Unknown scope or a bad filter value is 400 with the field named.

    Args:
        amount_max (str | TasksListAmountMaxType1 | Unset):
        amount_min (str | TasksListAmountMinType1 | Unset):
        kind (TasksListKind | Unset):
        ordering (str | Unset):
        overdue (bool | TasksListOverdueType1 | Unset):
        page (int | TasksListPageType1 | Unset):
        page_size (int | TasksListPageSizeType1 | Unset):
        q (str | Unset):
        scope (TasksListScope | Unset):  Default: TasksListScope.INBOX.
        step (str | Unset):
        submitter (int | TasksListSubmitterType1 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTaskList
    """

    return (
        await asyncio_detailed(
            client=client,
            amount_max=amount_max,
            amount_min=amount_min,
            kind=kind,
            ordering=ordering,
            overdue=overdue,
            page=page,
            page_size=page_size,
            q=q,
            scope=scope,
            step=step,
            submitter=submitter,
        )
    ).parsed
