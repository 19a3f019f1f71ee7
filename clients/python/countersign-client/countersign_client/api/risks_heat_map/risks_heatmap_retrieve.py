from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.risk_heatmap import RiskHeatmap
from ...models.risks_heatmap_retrieve_impact_type_1 import RisksHeatmapRetrieveImpactType1
from ...models.risks_heatmap_retrieve_level import RisksHeatmapRetrieveLevel
from ...models.risks_heatmap_retrieve_likelihood_type_1 import RisksHeatmapRetrieveLikelihoodType1
from ...models.risks_heatmap_retrieve_overdue_type_1 import RisksHeatmapRetrieveOverdueType1
from ...models.risks_heatmap_retrieve_status import RisksHeatmapRetrieveStatus
from ...models.risks_heatmap_retrieve_type import RisksHeatmapRetrieveType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    impact: int | RisksHeatmapRetrieveImpactType1 | Unset = UNSET,
    level: RisksHeatmapRetrieveLevel | Unset = UNSET,
    likelihood: int | RisksHeatmapRetrieveLikelihoodType1 | Unset = UNSET,
    overdue: bool | RisksHeatmapRetrieveOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksHeatmapRetrieveStatus | Unset = UNSET,
    type_: RisksHeatmapRetrieveType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_impact: int | str | Unset
    if isinstance(impact, Unset):
        json_impact = UNSET
    elif isinstance(impact, RisksHeatmapRetrieveImpactType1):
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
    elif isinstance(likelihood, RisksHeatmapRetrieveLikelihoodType1):
        json_likelihood = likelihood.value
    else:
        json_likelihood = likelihood
    params["likelihood"] = json_likelihood

    json_overdue: bool | str | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    elif isinstance(overdue, RisksHeatmapRetrieveOverdueType1):
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
        "url": "/api/risks/heatmap/",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | RiskHeatmap | None:
    if response.status_code == 200:
        response_200 = RiskHeatmap.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | RiskHeatmap]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    impact: int | RisksHeatmapRetrieveImpactType1 | Unset = UNSET,
    level: RisksHeatmapRetrieveLevel | Unset = UNSET,
    likelihood: int | RisksHeatmapRetrieveLikelihoodType1 | Unset = UNSET,
    overdue: bool | RisksHeatmapRetrieveOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksHeatmapRetrieveStatus | Unset = UNSET,
    type_: RisksHeatmapRetrieveType | Unset = UNSET,
) -> Response[Error | RiskHeatmap]:
    """Open risks per likelihood × impact cell (5 × 5), with the register's filters

    Args:
        impact (int | RisksHeatmapRetrieveImpactType1 | Unset):
        level (RisksHeatmapRetrieveLevel | Unset):
        likelihood (int | RisksHeatmapRetrieveLikelihoodType1 | Unset):
        overdue (bool | RisksHeatmapRetrieveOverdueType1 | Unset):
        owner (int | str | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksHeatmapRetrieveStatus | Unset):
        type_ (RisksHeatmapRetrieveType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RiskHeatmap]
    """

    kwargs = _get_kwargs(
        impact=impact,
        level=level,
        likelihood=likelihood,
        overdue=overdue,
        owner=owner,
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
    impact: int | RisksHeatmapRetrieveImpactType1 | Unset = UNSET,
    level: RisksHeatmapRetrieveLevel | Unset = UNSET,
    likelihood: int | RisksHeatmapRetrieveLikelihoodType1 | Unset = UNSET,
    overdue: bool | RisksHeatmapRetrieveOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksHeatmapRetrieveStatus | Unset = UNSET,
    type_: RisksHeatmapRetrieveType | Unset = UNSET,
) -> Error | RiskHeatmap | None:
    """Open risks per likelihood × impact cell (5 × 5), with the register's filters

    Args:
        impact (int | RisksHeatmapRetrieveImpactType1 | Unset):
        level (RisksHeatmapRetrieveLevel | Unset):
        likelihood (int | RisksHeatmapRetrieveLikelihoodType1 | Unset):
        overdue (bool | RisksHeatmapRetrieveOverdueType1 | Unset):
        owner (int | str | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksHeatmapRetrieveStatus | Unset):
        type_ (RisksHeatmapRetrieveType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RiskHeatmap
    """

    return sync_detailed(
        client=client,
        impact=impact,
        level=level,
        likelihood=likelihood,
        overdue=overdue,
        owner=owner,
        q=q,
        region=region,
        status=status,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    impact: int | RisksHeatmapRetrieveImpactType1 | Unset = UNSET,
    level: RisksHeatmapRetrieveLevel | Unset = UNSET,
    likelihood: int | RisksHeatmapRetrieveLikelihoodType1 | Unset = UNSET,
    overdue: bool | RisksHeatmapRetrieveOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksHeatmapRetrieveStatus | Unset = UNSET,
    type_: RisksHeatmapRetrieveType | Unset = UNSET,
) -> Response[Error | RiskHeatmap]:
    """Open risks per likelihood × impact cell (5 × 5), with the register's filters

    Args:
        impact (int | RisksHeatmapRetrieveImpactType1 | Unset):
        level (RisksHeatmapRetrieveLevel | Unset):
        likelihood (int | RisksHeatmapRetrieveLikelihoodType1 | Unset):
        overdue (bool | RisksHeatmapRetrieveOverdueType1 | Unset):
        owner (int | str | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksHeatmapRetrieveStatus | Unset):
        type_ (RisksHeatmapRetrieveType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | RiskHeatmap]
    """

    kwargs = _get_kwargs(
        impact=impact,
        level=level,
        likelihood=likelihood,
        overdue=overdue,
        owner=owner,
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
    impact: int | RisksHeatmapRetrieveImpactType1 | Unset = UNSET,
    level: RisksHeatmapRetrieveLevel | Unset = UNSET,
    likelihood: int | RisksHeatmapRetrieveLikelihoodType1 | Unset = UNSET,
    overdue: bool | RisksHeatmapRetrieveOverdueType1 | Unset = UNSET,
    owner: int | str | Unset = UNSET,
    q: str | Unset = UNSET,
    region: int | str | Unset = UNSET,
    status: RisksHeatmapRetrieveStatus | Unset = UNSET,
    type_: RisksHeatmapRetrieveType | Unset = UNSET,
) -> Error | RiskHeatmap | None:
    """Open risks per likelihood × impact cell (5 × 5), with the register's filters

    Args:
        impact (int | RisksHeatmapRetrieveImpactType1 | Unset):
        level (RisksHeatmapRetrieveLevel | Unset):
        likelihood (int | RisksHeatmapRetrieveLikelihoodType1 | Unset):
        overdue (bool | RisksHeatmapRetrieveOverdueType1 | Unset):
        owner (int | str | Unset):
        q (str | Unset):
        region (int | str | Unset):
        status (RisksHeatmapRetrieveStatus | Unset):
        type_ (RisksHeatmapRetrieveType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | RiskHeatmap
    """

    return (
        await asyncio_detailed(
            client=client,
            impact=impact,
            level=level,
            likelihood=likelihood,
            overdue=overdue,
            owner=owner,
            q=q,
            region=region,
            status=status,
            type_=type_,
        )
    ).parsed
