from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.paginated_risk_list import PaginatedRiskList
from ...models.risks_risks_list_impact_type_1 import RisksRisksListImpactType1
from ...models.risks_risks_list_level import RisksRisksListLevel
from ...models.risks_risks_list_likelihood_type_1 import RisksRisksListLikelihoodType1
from ...models.risks_risks_list_overdue_type_1 import RisksRisksListOverdueType1
from ...models.risks_risks_list_page_size_type_1 import RisksRisksListPageSizeType1
from ...models.risks_risks_list_page_type_1 import RisksRisksListPageType1
from ...models.risks_risks_list_status import RisksRisksListStatus
from ...models.risks_risks_list_type import RisksRisksListType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    impact: int | RisksRisksListImpactType1 | Unset = UNSET,
    level: RisksRisksListLevel | Unset = UNSET,
    likelihood: int | RisksRisksListLikelihoodType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | RisksRisksListOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    page: int | RisksRisksListPageType1 | Unset = UNSET,
    page_size: int | RisksRisksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksRisksListStatus | Unset = UNSET,
    type_: RisksRisksListType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_impact: int | str | Unset
    if isinstance(impact, Unset):
        json_impact = UNSET
    elif isinstance(impact, RisksRisksListImpactType1):
        json_impact = impact.value
    else:
        json_impact = impact
    params["impact"] = json_impact

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    json_likelihood: int | str | Unset
    if isinstance(likelihood, Unset):
        json_likelihood = UNSET
    elif isinstance(likelihood, RisksRisksListLikelihoodType1):
        json_likelihood = likelihood.value
    else:
        json_likelihood = likelihood
    params["likelihood"] = json_likelihood

    params["ordering"] = ordering

    json_overdue: bool | str | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    elif isinstance(overdue, RisksRisksListOverdueType1):
        json_overdue = overdue.value
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_owner: int | str | Unset
    if isinstance(owner, Unset):
        json_owner = UNSET
    else:
        json_owner = owner
    params["owner"] = json_owner

    json_page: int | str | Unset
    if isinstance(page, Unset):
        json_page = UNSET
    elif isinstance(page, RisksRisksListPageType1):
        json_page = page.value
    else:
        json_page = page
    params["page"] = json_page

    json_page_size: int | str | Unset
    if isinstance(page_size, Unset):
        json_page_size = UNSET
    elif isinstance(page_size, RisksRisksListPageSizeType1):
        json_page_size = page_size.value
    else:
        json_page_size = page_size
    params["page_size"] = json_page_size

    params["q"] = q

    json_region: int | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    else:
        json_region = region
    params["region"] = json_region

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/risks/risks/",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | PaginatedRiskList | None:
    if response.status_code == 200:
        response_200 = PaginatedRiskList.from_dict(response.json())

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
) -> Response[Error | PaginatedRiskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    impact: int | RisksRisksListImpactType1 | Unset = UNSET,
    level: RisksRisksListLevel | Unset = UNSET,
    likelihood: int | RisksRisksListLikelihoodType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | RisksRisksListOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    page: int | RisksRisksListPageType1 | Unset = UNSET,
    page_size: int | RisksRisksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksRisksListStatus | Unset = UNSET,
    type_: RisksRisksListType | Unset = UNSET,
) -> Response[Error | PaginatedRiskList]:
    """The risk register, filtered

     Risks the user may see: the owner, the risk region's manager, the sales GM, the CEO,
    auditors and administrators; also whoever holds one of its measures or acts on its
    approvals.

    Args:
        impact (int | RisksRisksListImpactType1 | Unset):
        level (RisksRisksListLevel | Unset):
        likelihood (int | RisksRisksListLikelihoodType1 | Unset):
        ordering (str | Unset):
        overdue (bool | RisksRisksListOverdueType1 | Unset):
        owner (int | str | Unset):
        page (int | RisksRisksListPageType1 | Unset):
        page_size (int | RisksRisksListPageSizeType1 | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksRisksListStatus | Unset):
        type_ (RisksRisksListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedRiskList]
    """

    kwargs = _get_kwargs(
        impact=impact,
        level=level,
        likelihood=likelihood,
        ordering=ordering,
        overdue=overdue,
        owner=owner,
        page=page,
        page_size=page_size,
        q=q,
        region=region,
        status=status,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    impact: int | RisksRisksListImpactType1 | Unset = UNSET,
    level: RisksRisksListLevel | Unset = UNSET,
    likelihood: int | RisksRisksListLikelihoodType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | RisksRisksListOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    page: int | RisksRisksListPageType1 | Unset = UNSET,
    page_size: int | RisksRisksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksRisksListStatus | Unset = UNSET,
    type_: RisksRisksListType | Unset = UNSET,
) -> Error | PaginatedRiskList | None:
    """The risk register, filtered

     Risks the user may see: the owner, the risk region's manager, the sales GM, the CEO,
    auditors and administrators; also whoever holds one of its measures or acts on its
    approvals.

    Args:
        impact (int | RisksRisksListImpactType1 | Unset):
        level (RisksRisksListLevel | Unset):
        likelihood (int | RisksRisksListLikelihoodType1 | Unset):
        ordering (str | Unset):
        overdue (bool | RisksRisksListOverdueType1 | Unset):
        owner (int | str | Unset):
        page (int | RisksRisksListPageType1 | Unset):
        page_size (int | RisksRisksListPageSizeType1 | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksRisksListStatus | Unset):
        type_ (RisksRisksListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedRiskList
    """

    return sync_detailed(
        client=client,
        impact=impact,
        level=level,
        likelihood=likelihood,
        ordering=ordering,
        overdue=overdue,
        owner=owner,
        page=page,
        page_size=page_size,
        q=q,
        region=region,
        status=status,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    impact: int | RisksRisksListImpactType1 | Unset = UNSET,
    level: RisksRisksListLevel | Unset = UNSET,
    likelihood: int | RisksRisksListLikelihoodType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | RisksRisksListOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    page: int | RisksRisksListPageType1 | Unset = UNSET,
    page_size: int | RisksRisksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksRisksListStatus | Unset = UNSET,
    type_: RisksRisksListType | Unset = UNSET,
) -> Response[Error | PaginatedRiskList]:
    """The risk register, filtered

     Risks the user may see: the owner, the risk region's manager, the sales GM, the CEO,
    auditors and administrators; also whoever holds one of its measures or acts on its
    approvals.

    Args:
        impact (int | RisksRisksListImpactType1 | Unset):
        level (RisksRisksListLevel | Unset):
        likelihood (int | RisksRisksListLikelihoodType1 | Unset):
        ordering (str | Unset):
        overdue (bool | RisksRisksListOverdueType1 | Unset):
        owner (int | str | Unset):
        page (int | RisksRisksListPageType1 | Unset):
        page_size (int | RisksRisksListPageSizeType1 | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksRisksListStatus | Unset):
        type_ (RisksRisksListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedRiskList]
    """

    kwargs = _get_kwargs(
        impact=impact,
        level=level,
        likelihood=likelihood,
        ordering=ordering,
        overdue=overdue,
        owner=owner,
        page=page,
        page_size=page_size,
        q=q,
        region=region,
        status=status,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    impact: int | RisksRisksListImpactType1 | Unset = UNSET,
    level: RisksRisksListLevel | Unset = UNSET,
    likelihood: int | RisksRisksListLikelihoodType1 | Unset = UNSET,
    ordering: str | Unset = UNSET,
    overdue: bool | RisksRisksListOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    page: int | RisksRisksListPageType1 | Unset = UNSET,
    page_size: int | RisksRisksListPageSizeType1 | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksRisksListStatus | Unset = UNSET,
    type_: RisksRisksListType | Unset = UNSET,
) -> Error | PaginatedRiskList | None:
    """The risk register, filtered

     Risks the user may see: the owner, the risk region's manager, the sales GM, the CEO,
    auditors and administrators; also whoever holds one of its measures or acts on its
    approvals.

    Args:
        impact (int | RisksRisksListImpactType1 | Unset):
        level (RisksRisksListLevel | Unset):
        likelihood (int | RisksRisksListLikelihoodType1 | Unset):
        ordering (str | Unset):
        overdue (bool | RisksRisksListOverdueType1 | Unset):
        owner (int | str | Unset):
        page (int | RisksRisksListPageType1 | Unset):
        page_size (int | RisksRisksListPageSizeType1 | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksRisksListStatus | Unset):
        type_ (RisksRisksListType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedRiskList
    """

    return (
        await asyncio_detailed(
            client=client,
            impact=impact,
            level=level,
            likelihood=likelihood,
            ordering=ordering,
            overdue=overdue,
            owner=owner,
            page=page,
            page_size=page_size,
            q=q,
            region=region,
            status=status,
            type_=type_,
        )
    ).parsed
