"""Contains all the data models used in inputs/outputs"""

from .actuals_import_result import ActualsImportResult
from .add_signer_request import AddSignerRequest
from .analytics_approvals_retrieve_band import AnalyticsApprovalsRetrieveBand
from .analytics_approvals_retrieve_date_from_type_1 import AnalyticsApprovalsRetrieveDateFromType1
from .analytics_approvals_retrieve_date_to_type_1 import AnalyticsApprovalsRetrieveDateToType1
from .analytics_approvals_retrieve_kind import AnalyticsApprovalsRetrieveKind
from .analytics_period import AnalyticsPeriod
from .approval_analytics import ApprovalAnalytics
from .approve_request import ApproveRequest
from .approver import Approver
from .attachment import Attachment
from .attachment_upload_request import AttachmentUploadRequest
from .attainment import Attainment
from .attainment_line import AttainmentLine
from .attainment_period import AttainmentPeriod
from .audit_event import AuditEvent
from .audit_event_changes import AuditEventChanges
from .audit_event_data import AuditEventData
from .audit_events_export_csv_amount_max_type_1 import AuditEventsExportCsvAmountMaxType1
from .audit_events_export_csv_amount_min_type_1 import AuditEventsExportCsvAmountMinType1
from .audit_events_export_csv_configuration_type_1 import AuditEventsExportCsvConfigurationType1
from .audit_events_list_amount_max_type_1 import AuditEventsListAmountMaxType1
from .audit_events_list_amount_min_type_1 import AuditEventsListAmountMinType1
from .audit_events_list_configuration_type_1 import AuditEventsListConfigurationType1
from .audit_events_list_page_size_type_1 import AuditEventsListPageSizeType1
from .audit_events_list_page_type_1 import AuditEventsListPageType1
from .auth_token_request import AuthTokenRequest
from .auth_tokens_list_page_size_type_1 import AuthTokensListPageSizeType1
from .auth_tokens_list_page_type_1 import AuthTokensListPageType1
from .backlog import Backlog
from .blank_enum import BlankEnum
from .budget import Budget
from .budget_create_request import BudgetCreateRequest
from .budget_detail import BudgetDetail
from .budget_detail_available_actions_enum import BudgetDetailAvailableActionsEnum
from .budget_detail_diff_to_previous import BudgetDetailDiffToPrevious
from .budget_line import BudgetLine
from .budget_region import BudgetRegion
from .budget_revise_request import BudgetReviseRequest
from .budget_version import BudgetVersion
from .budget_warning_enum import BudgetWarningEnum
from .bulk_approve_request import BulkApproveRequest
from .bulk_response import BulkResponse
from .bulk_result import BulkResult
from .campaign import Campaign
from .campaign_detail import CampaignDetail
from .campaign_evaluation_state_enum import CampaignEvaluationStateEnum
from .campaign_in_request import CampaignInRequest
from .campaign_state_enum import CampaignStateEnum
from .campaign_type_enum import CampaignTypeEnum
from .campaigns_cancel_create_body import CampaignsCancelCreateBody
from .campaigns_list_page_size_type_1 import CampaignsListPageSizeType1
from .campaigns_list_page_type_1 import CampaignsListPageType1
from .category_enum import CategoryEnum
from .chain_step import ChainStep
from .check import Check
from .city_tier_enum import CityTierEnum
from .claim import Claim
from .claim_create_request import ClaimCreateRequest
from .claim_detail import ClaimDetail
from .claim_detail_available_actions_enum import ClaimDetailAvailableActionsEnum
from .comment_request import CommentRequest
from .contract import Contract
from .contract_amend_request import ContractAmendRequest
from .contract_attachment import ContractAttachment
from .contract_attachment_upload_request import ContractAttachmentUploadRequest
from .contract_create_request import ContractCreateRequest
from .contract_detail import ContractDetail
from .contract_detail_available_actions_enum import ContractDetailAvailableActionsEnum
from .contract_diff import ContractDiff
from .contract_diff_changes import ContractDiffChanges
from .contract_line import ContractLine
from .contract_line_change import ContractLineChange
from .contract_line_diff_row import ContractLineDiffRow
from .contract_line_input_request import ContractLineInputRequest
from .contract_line_product import ContractLineProduct
from .contract_lines_diff import ContractLinesDiff
from .contract_stats import ContractStats
from .contract_stats_breach import ContractStatsBreach
from .contract_stats_collections import ContractStatsCollections
from .contract_stats_period import ContractStatsPeriod
from .contract_stats_review_time import ContractStatsReviewTime
from .contract_stats_row import ContractStatsRow
from .contract_stats_step import ContractStatsStep
from .contract_stats_totals import ContractStatsTotals
from .contract_version import ContractVersion
from .contracts_contracts_attachments_list_page_size_type_1 import ContractsContractsAttachmentsListPageSizeType1
from .contracts_contracts_attachments_list_page_type_1 import ContractsContractsAttachmentsListPageType1
from .contracts_contracts_list_credit_breach_type_1 import ContractsContractsListCreditBreachType1
from .contracts_contracts_list_customer_type_1 import ContractsContractsListCustomerType1
from .contracts_contracts_list_mine_type_1 import ContractsContractsListMineType1
from .contracts_contracts_list_page_size_type_1 import ContractsContractsListPageSizeType1
from .contracts_contracts_list_page_type_1 import ContractsContractsListPageType1
from .contracts_contracts_list_state import ContractsContractsListState
from .contracts_contracts_milestones_list_page_size_type_1 import ContractsContractsMilestonesListPageSizeType1
from .contracts_contracts_milestones_list_page_type_1 import ContractsContractsMilestonesListPageType1
from .contracts_contracts_problems_list_page_size_type_1 import ContractsContractsProblemsListPageSizeType1
from .contracts_contracts_problems_list_page_type_1 import ContractsContractsProblemsListPageType1
from .contracts_credit_limit_changes_list_customer_type_1 import ContractsCreditLimitChangesListCustomerType1
from .contracts_credit_limit_changes_list_page_size_type_1 import ContractsCreditLimitChangesListPageSizeType1
from .contracts_credit_limit_changes_list_page_type_1 import ContractsCreditLimitChangesListPageType1
from .contracts_credit_limit_changes_list_state import ContractsCreditLimitChangesListState
from .contracts_customers_interactions_list_page_size_type_1 import ContractsCustomersInteractionsListPageSizeType1
from .contracts_customers_interactions_list_page_type_1 import ContractsCustomersInteractionsListPageType1
from .contracts_customers_list_page_size_type_1 import ContractsCustomersListPageSizeType1
from .contracts_customers_list_page_type_1 import ContractsCustomersListPageType1
from .contracts_customers_list_rating import ContractsCustomersListRating
from .contracts_customers_list_value_class import ContractsCustomersListValueClass
from .contracts_products_list_active_type_1 import ContractsProductsListActiveType1
from .contracts_products_list_page_size_type_1 import ContractsProductsListPageSizeType1
from .contracts_products_list_page_type_1 import ContractsProductsListPageType1
from .contracts_statistics_retrieve_date_from_type_1 import ContractsStatisticsRetrieveDateFromType1
from .contracts_statistics_retrieve_date_to_type_1 import ContractsStatisticsRetrieveDateToType1
from .contracts_statistics_retrieve_year_type_1 import ContractsStatisticsRetrieveYearType1
from .copied_list_page_size_type_1 import CopiedListPageSizeType1
from .copied_list_page_type_1 import CopiedListPageType1
from .copied_read_request import CopiedReadRequest
from .copied_read_result import CopiedReadResult
from .copied_request import CopiedRequest
from .copy_request import CopyRequest
from .credit_check import CreditCheck
from .credit_limit_change import CreditLimitChange
from .credit_limit_decide_request import CreditLimitDecideRequest
from .credit_limit_request_request import CreditLimitRequestRequest
from .customer import Customer
from .customer_class_change import CustomerClassChange
from .customer_create_request import CustomerCreateRequest
from .customer_detail import CustomerDetail
from .customer_rating_enum import CustomerRatingEnum
from .customer_ref import CustomerRef
from .customer_region import CustomerRegion
from .department import Department
from .error import Error
from .error_fields import ErrorFields
from .evaluation import Evaluation
from .evaluation_in_request import EvaluationInRequest
from .execution_problem import ExecutionProblem
from .execution_problem_create_request import ExecutionProblemCreateRequest
from .execution_problem_resolve_request import ExecutionProblemResolveRequest
from .expenses_budgets_list_category import ExpensesBudgetsListCategory
from .expenses_budgets_list_fiscal_year_type_1 import ExpensesBudgetsListFiscalYearType1
from .expenses_budgets_list_page_size_type_1 import ExpensesBudgetsListPageSizeType1
from .expenses_budgets_list_page_type_1 import ExpensesBudgetsListPageType1
from .expenses_budgets_list_state import ExpensesBudgetsListState
from .expenses_budgets_split_retrieve_category import ExpensesBudgetsSplitRetrieveCategory
from .expenses_budgets_split_retrieve_fiscal_year_type_1 import ExpensesBudgetsSplitRetrieveFiscalYearType1
from .expenses_budgets_split_retrieve_mode import ExpensesBudgetsSplitRetrieveMode
from .expenses_claims_attachments_list_page_size_type_1 import ExpensesClaimsAttachmentsListPageSizeType1
from .expenses_claims_attachments_list_page_type_1 import ExpensesClaimsAttachmentsListPageType1
from .expenses_claims_list_category import ExpensesClaimsListCategory
from .expenses_claims_list_mine_type_1 import ExpensesClaimsListMineType1
from .expenses_claims_list_page_size_type_1 import ExpensesClaimsListPageSizeType1
from .expenses_claims_list_page_type_1 import ExpensesClaimsListPageType1
from .expenses_claims_list_state import ExpensesClaimsListState
from .expenses_claims_list_submitter_type_1 import ExpensesClaimsListSubmitterType1
from .expenses_monitor_retrieve_category import ExpensesMonitorRetrieveCategory
from .expenses_monitor_retrieve_fiscal_year_type_1 import ExpensesMonitorRetrieveFiscalYearType1
from .expenses_standards_list_page_size_type_1 import ExpensesStandardsListPageSizeType1
from .expenses_standards_list_page_type_1 import ExpensesStandardsListPageType1
from .format_enum import FormatEnum
from .heat_cell import HeatCell
from .heat_row import HeatRow
from .heatmap import Heatmap
from .history_event import HistoryEvent
from .history_event_changes import HistoryEventChanges
from .interaction import Interaction
from .interaction_create_request import InteractionCreateRequest
from .interaction_kind_enum import InteractionKindEnum
from .invoice_type_enum import InvoiceTypeEnum
from .item_type_enum import ItemTypeEnum
from .language_enum import LanguageEnum
from .line import Line
from .line_in_request import LineInRequest
from .line_input_request import LineInputRequest
from .line_vouchers import LineVouchers
from .milestone import Milestone
from .milestone_create_request import MilestoneCreateRequest
from .milestone_done_request import MilestoneDoneRequest
from .milestone_kind_enum import MilestoneKindEnum
from .monitor import Monitor
from .monitor_line import MonitorLine
from .nudges import Nudges
from .on_excess_enum import OnExcessEnum
from .out_of_office import OutOfOffice
from .out_of_office_input_request import OutOfOfficeInputRequest
from .paginated_attachment_list import PaginatedAttachmentList
from .paginated_audit_event_list import PaginatedAuditEventList
from .paginated_budget_list import PaginatedBudgetList
from .paginated_campaign_list import PaginatedCampaignList
from .paginated_claim_list import PaginatedClaimList
from .paginated_contract_attachment_list import PaginatedContractAttachmentList
from .paginated_contract_list import PaginatedContractList
from .paginated_copied_request_list import PaginatedCopiedRequestList
from .paginated_credit_limit_change_list import PaginatedCreditLimitChangeList
from .paginated_customer_list import PaginatedCustomerList
from .paginated_execution_problem_list import PaginatedExecutionProblemList
from .paginated_interaction_list import PaginatedInteractionList
from .paginated_milestone_list import PaginatedMilestoneList
from .paginated_plan_list import PaginatedPlanList
from .paginated_product_list import PaginatedProductList
from .paginated_report_list import PaginatedReportList
from .paginated_request_list import PaginatedRequestList
from .paginated_risk_list import PaginatedRiskList
from .paginated_sales_actual_list import PaginatedSalesActualList
from .paginated_saved_filter_list import PaginatedSavedFilterList
from .paginated_standard_list import PaginatedStandardList
from .paginated_task_list import PaginatedTaskList
from .paginated_token_list import PaginatedTokenList
from .patched_campaign_update_request import PatchedCampaignUpdateRequest
from .patched_claim_update_request import PatchedClaimUpdateRequest
from .patched_contract_update_request import PatchedContractUpdateRequest
from .patched_plan_update_request import PatchedPlanUpdateRequest
from .period import Period
from .person import Person
from .plan import Plan
from .plan_cell_change import PlanCellChange
from .plan_confirmation import PlanConfirmation
from .plan_create_request import PlanCreateRequest
from .plan_detail import PlanDetail
from .plan_diff import PlanDiff
from .plan_grid import PlanGrid
from .plan_grid_input_request import PlanGridInputRequest
from .plan_grid_line import PlanGridLine
from .plan_grid_person import PlanGridPerson
from .plan_grid_region import PlanGridRegion
from .plan_mismatch import PlanMismatch
from .plan_person_row_input_request import PlanPersonRowInputRequest
from .plan_region_row_input_request import PlanRegionRowInputRequest
from .plan_revise_request import PlanReviseRequest
from .plan_spread_enum import PlanSpreadEnum
from .plan_submit_request import PlanSubmitRequest
from .plan_upload_request import PlanUploadRequest
from .plan_version import PlanVersion
from .plans_plans_actuals_list_month_type_1 import PlansPlansActualsListMonthType1
from .plans_plans_actuals_list_page_size_type_1 import PlansPlansActualsListPageSizeType1
from .plans_plans_actuals_list_page_type_1 import PlansPlansActualsListPageType1
from .plans_plans_list_fiscal_year_type_1 import PlansPlansListFiscalYearType1
from .plans_plans_list_page_size_type_1 import PlansPlansListPageSizeType1
from .plans_plans_list_page_type_1 import PlansPlansListPageType1
from .plans_plans_list_state import PlansPlansListState
from .process_cycle import ProcessCycle
from .product import Product
from .reassign_request import ReassignRequest
from .receipt import Receipt
from .receipt_upload_request import ReceiptUploadRequest
from .reduce_request import ReduceRequest
from .reject_receipt_request import RejectReceiptRequest
from .reject_request import RejectRequest
from .remaining import Remaining
from .report import Report
from .report_file import ReportFile
from .reports_list_page_size_type_1 import ReportsListPageSizeType1
from .reports_list_page_type_1 import ReportsListPageType1
from .request import Request
from .request_detail import RequestDetail
from .request_status_enum import RequestStatusEnum
from .requests_list_kind import RequestsListKind
from .requests_list_mine_type_1 import RequestsListMineType1
from .requests_list_page_size_type_1 import RequestsListPageSizeType1
from .requests_list_page_type_1 import RequestsListPageType1
from .requests_list_status import RequestsListStatus
from .resubmit_request import ResubmitRequest
from .resubmit_to_enum import ResubmitToEnum
from .return_request import ReturnRequest
from .returns import Returns
from .returns_by_process import ReturnsByProcess
from .returns_by_step import ReturnsByStep
from .risk import Risk
from .risk_assess_request import RiskAssessRequest
from .risk_assessment import RiskAssessment
from .risk_cell import RiskCell
from .risk_close_request import RiskCloseRequest
from .risk_contract_ref import RiskContractRef
from .risk_create_request import RiskCreateRequest
from .risk_customer_ref import RiskCustomerRef
from .risk_detail import RiskDetail
from .risk_detail_available_actions_enum import RiskDetailAvailableActionsEnum
from .risk_escalation import RiskEscalation
from .risk_heatmap import RiskHeatmap
from .risk_measure import RiskMeasure
from .risk_measure_create_request import RiskMeasureCreateRequest
from .risk_measure_done_request import RiskMeasureDoneRequest
from .risk_open_task import RiskOpenTask
from .risk_overdue_measure import RiskOverdueMeasure
from .risk_region import RiskRegion
from .risk_review import RiskReview
from .risk_review_complete_request import RiskReviewCompleteRequest
from .risk_summary import RiskSummary
from .risk_summary_levels import RiskSummaryLevels
from .risk_type_enum import RiskTypeEnum
from .risks_heatmap_retrieve_impact_type_1 import RisksHeatmapRetrieveImpactType1
from .risks_heatmap_retrieve_level import RisksHeatmapRetrieveLevel
from .risks_heatmap_retrieve_likelihood_type_1 import RisksHeatmapRetrieveLikelihoodType1
from .risks_heatmap_retrieve_overdue_type_1 import RisksHeatmapRetrieveOverdueType1
from .risks_heatmap_retrieve_status import RisksHeatmapRetrieveStatus
from .risks_heatmap_retrieve_type import RisksHeatmapRetrieveType
from .risks_risks_list_impact_type_1 import RisksRisksListImpactType1
from .risks_risks_list_level import RisksRisksListLevel
from .risks_risks_list_likelihood_type_1 import RisksRisksListLikelihoodType1
from .risks_risks_list_overdue_type_1 import RisksRisksListOverdueType1
from .risks_risks_list_page_size_type_1 import RisksRisksListPageSizeType1
from .risks_risks_list_page_type_1 import RisksRisksListPageType1
from .risks_risks_list_status import RisksRisksListStatus
from .risks_risks_list_type import RisksRisksListType
from .sales_actual import SalesActual
from .sales_actual_input_request import SalesActualInputRequest
from .saved_filter import SavedFilter
from .saved_filters_list_page_size_type_1 import SavedFiltersListPageSizeType1
from .saved_filters_list_page_type_1 import SavedFiltersListPageType1
from .signer_position_enum import SignerPositionEnum
from .sla import Sla
from .slow_request import SlowRequest
from .split import Split
from .standard import Standard
from .step_cycle import StepCycle
from .submission import Submission
from .submission_input_request import SubmissionInputRequest
from .submit_request import SubmitRequest
from .task import Task
from .task_available_actions_enum import TaskAvailableActionsEnum
from .task_request import TaskRequest
from .tasks_list_amount_max_type_1 import TasksListAmountMaxType1
from .tasks_list_amount_min_type_1 import TasksListAmountMinType1
from .tasks_list_kind import TasksListKind
from .tasks_list_overdue_type_1 import TasksListOverdueType1
from .tasks_list_page_size_type_1 import TasksListPageSizeType1
from .tasks_list_page_type_1 import TasksListPageType1
from .tasks_list_scope import TasksListScope
from .tasks_list_submitter_type_1 import TasksListSubmitterType1
from .template import Template
from .throughput import Throughput
from .token import Token
from .token_response import TokenResponse
from .transfer_request import TransferRequest
from .travel_class_enum import TravelClassEnum
from .trigger_enum import TriggerEnum
from .upload import Upload
from .upload_input_request import UploadInputRequest
from .urge_request import UrgeRequest
from .urge_response import UrgeResponse
from .verify import Verify
from .verify_first_broken_type_0 import VerifyFirstBrokenType0
from .version import Version
from .waiting_worked import WaitingWorked
from .withdraw_request import WithdrawRequest

__all__ = (
    "ActualsImportResult",
    "AddSignerRequest",
    "AnalyticsApprovalsRetrieveBand",
    "AnalyticsApprovalsRetrieveDateFromType1",
    "AnalyticsApprovalsRetrieveDateToType1",
    "AnalyticsApprovalsRetrieveKind",
    "AnalyticsPeriod",
    "ApprovalAnalytics",
    "Approver",
    "ApproveRequest",
    "Attachment",
    "AttachmentUploadRequest",
    "Attainment",
    "AttainmentLine",
    "AttainmentPeriod",
    "AuditEvent",
    "AuditEventChanges",
    "AuditEventData",
    "AuditEventsExportCsvAmountMaxType1",
    "AuditEventsExportCsvAmountMinType1",
    "AuditEventsExportCsvConfigurationType1",
    "AuditEventsListAmountMaxType1",
    "AuditEventsListAmountMinType1",
    "AuditEventsListConfigurationType1",
    "AuditEventsListPageSizeType1",
    "AuditEventsListPageType1",
    "AuthTokenRequest",
    "AuthTokensListPageSizeType1",
    "AuthTokensListPageType1",
    "Backlog",
    "BlankEnum",
    "Budget",
    "BudgetCreateRequest",
    "BudgetDetail",
    "BudgetDetailAvailableActionsEnum",
    "BudgetDetailDiffToPrevious",
    "BudgetLine",
    "BudgetRegion",
    "BudgetReviseRequest",
    "BudgetVersion",
    "BudgetWarningEnum",
    "BulkApproveRequest",
    "BulkResponse",
    "BulkResult",
    "Campaign",
    "CampaignDetail",
    "CampaignEvaluationStateEnum",
    "CampaignInRequest",
    "CampaignsCancelCreateBody",
    "CampaignsListPageSizeType1",
    "CampaignsListPageType1",
    "CampaignStateEnum",
    "CampaignTypeEnum",
    "CategoryEnum",
    "ChainStep",
    "Check",
    "CityTierEnum",
    "Claim",
    "ClaimCreateRequest",
    "ClaimDetail",
    "ClaimDetailAvailableActionsEnum",
    "CommentRequest",
    "Contract",
    "ContractAmendRequest",
    "ContractAttachment",
    "ContractAttachmentUploadRequest",
    "ContractCreateRequest",
    "ContractDetail",
    "ContractDetailAvailableActionsEnum",
    "ContractDiff",
    "ContractDiffChanges",
    "ContractLine",
    "ContractLineChange",
    "ContractLineDiffRow",
    "ContractLineInputRequest",
    "ContractLineProduct",
    "ContractLinesDiff",
    "ContractsContractsAttachmentsListPageSizeType1",
    "ContractsContractsAttachmentsListPageType1",
    "ContractsContractsListCreditBreachType1",
    "ContractsContractsListCustomerType1",
    "ContractsContractsListMineType1",
    "ContractsContractsListPageSizeType1",
    "ContractsContractsListPageType1",
    "ContractsContractsListState",
    "ContractsContractsMilestonesListPageSizeType1",
    "ContractsContractsMilestonesListPageType1",
    "ContractsContractsProblemsListPageSizeType1",
    "ContractsContractsProblemsListPageType1",
    "ContractsCreditLimitChangesListCustomerType1",
    "ContractsCreditLimitChangesListPageSizeType1",
    "ContractsCreditLimitChangesListPageType1",
    "ContractsCreditLimitChangesListState",
    "ContractsCustomersInteractionsListPageSizeType1",
    "ContractsCustomersInteractionsListPageType1",
    "ContractsCustomersListPageSizeType1",
    "ContractsCustomersListPageType1",
    "ContractsCustomersListRating",
    "ContractsCustomersListValueClass",
    "ContractsProductsListActiveType1",
    "ContractsProductsListPageSizeType1",
    "ContractsProductsListPageType1",
    "ContractsStatisticsRetrieveDateFromType1",
    "ContractsStatisticsRetrieveDateToType1",
    "ContractsStatisticsRetrieveYearType1",
    "ContractStats",
    "ContractStatsBreach",
    "ContractStatsCollections",
    "ContractStatsPeriod",
    "ContractStatsReviewTime",
    "ContractStatsRow",
    "ContractStatsStep",
    "ContractStatsTotals",
    "ContractVersion",
    "CopiedListPageSizeType1",
    "CopiedListPageType1",
    "CopiedReadRequest",
    "CopiedReadResult",
    "CopiedRequest",
    "CopyRequest",
    "CreditCheck",
    "CreditLimitChange",
    "CreditLimitDecideRequest",
    "CreditLimitRequestRequest",
    "Customer",
    "CustomerClassChange",
    "CustomerCreateRequest",
    "CustomerDetail",
    "CustomerRatingEnum",
    "CustomerRef",
    "CustomerRegion",
    "Department",
    "Error",
    "ErrorFields",
    "Evaluation",
    "EvaluationInRequest",
    "ExecutionProblem",
    "ExecutionProblemCreateRequest",
    "ExecutionProblemResolveRequest",
    "ExpensesBudgetsListCategory",
    "ExpensesBudgetsListFiscalYearType1",
    "ExpensesBudgetsListPageSizeType1",
    "ExpensesBudgetsListPageType1",
    "ExpensesBudgetsListState",
    "ExpensesBudgetsSplitRetrieveCategory",
    "ExpensesBudgetsSplitRetrieveFiscalYearType1",
    "ExpensesBudgetsSplitRetrieveMode",
    "ExpensesClaimsAttachmentsListPageSizeType1",
    "ExpensesClaimsAttachmentsListPageType1",
    "ExpensesClaimsListCategory",
    "ExpensesClaimsListMineType1",
    "ExpensesClaimsListPageSizeType1",
    "ExpensesClaimsListPageType1",
    "ExpensesClaimsListState",
    "ExpensesClaimsListSubmitterType1",
    "ExpensesMonitorRetrieveCategory",
    "ExpensesMonitorRetrieveFiscalYearType1",
    "ExpensesStandardsListPageSizeType1",
    "ExpensesStandardsListPageType1",
    "FormatEnum",
    "HeatCell",
    "Heatmap",
    "HeatRow",
    "HistoryEvent",
    "HistoryEventChanges",
    "Interaction",
    "InteractionCreateRequest",
    "InteractionKindEnum",
    "InvoiceTypeEnum",
    "ItemTypeEnum",
    "LanguageEnum",
    "Line",
    "LineInputRequest",
    "LineInRequest",
    "LineVouchers",
    "Milestone",
    "MilestoneCreateRequest",
    "MilestoneDoneRequest",
    "MilestoneKindEnum",
    "Monitor",
    "MonitorLine",
    "Nudges",
    "OnExcessEnum",
    "OutOfOffice",
    "OutOfOfficeInputRequest",
    "PaginatedAttachmentList",
    "PaginatedAuditEventList",
    "PaginatedBudgetList",
    "PaginatedCampaignList",
    "PaginatedClaimList",
    "PaginatedContractAttachmentList",
    "PaginatedContractList",
    "PaginatedCopiedRequestList",
    "PaginatedCreditLimitChangeList",
    "PaginatedCustomerList",
    "PaginatedExecutionProblemList",
    "PaginatedInteractionList",
    "PaginatedMilestoneList",
    "PaginatedPlanList",
    "PaginatedProductList",
    "PaginatedReportList",
    "PaginatedRequestList",
    "PaginatedRiskList",
    "PaginatedSalesActualList",
    "PaginatedSavedFilterList",
    "PaginatedStandardList",
    "PaginatedTaskList",
    "PaginatedTokenList",
    "PatchedCampaignUpdateRequest",
    "PatchedClaimUpdateRequest",
    "PatchedContractUpdateRequest",
    "PatchedPlanUpdateRequest",
    "Period",
    "Person",
    "Plan",
    "PlanCellChange",
    "PlanConfirmation",
    "PlanCreateRequest",
    "PlanDetail",
    "PlanDiff",
    "PlanGrid",
    "PlanGridInputRequest",
    "PlanGridLine",
    "PlanGridPerson",
    "PlanGridRegion",
    "PlanMismatch",
    "PlanPersonRowInputRequest",
    "PlanRegionRowInputRequest",
    "PlanReviseRequest",
    "PlansPlansActualsListMonthType1",
    "PlansPlansActualsListPageSizeType1",
    "PlansPlansActualsListPageType1",
    "PlansPlansListFiscalYearType1",
    "PlansPlansListPageSizeType1",
    "PlansPlansListPageType1",
    "PlansPlansListState",
    "PlanSpreadEnum",
    "PlanSubmitRequest",
    "PlanUploadRequest",
    "PlanVersion",
    "ProcessCycle",
    "Product",
    "ReassignRequest",
    "Receipt",
    "ReceiptUploadRequest",
    "ReduceRequest",
    "RejectReceiptRequest",
    "RejectRequest",
    "Remaining",
    "Report",
    "ReportFile",
    "ReportsListPageSizeType1",
    "ReportsListPageType1",
    "Request",
    "RequestDetail",
    "RequestsListKind",
    "RequestsListMineType1",
    "RequestsListPageSizeType1",
    "RequestsListPageType1",
    "RequestsListStatus",
    "RequestStatusEnum",
    "ResubmitRequest",
    "ResubmitToEnum",
    "ReturnRequest",
    "Returns",
    "ReturnsByProcess",
    "ReturnsByStep",
    "Risk",
    "RiskAssessment",
    "RiskAssessRequest",
    "RiskCell",
    "RiskCloseRequest",
    "RiskContractRef",
    "RiskCreateRequest",
    "RiskCustomerRef",
    "RiskDetail",
    "RiskDetailAvailableActionsEnum",
    "RiskEscalation",
    "RiskHeatmap",
    "RiskMeasure",
    "RiskMeasureCreateRequest",
    "RiskMeasureDoneRequest",
    "RiskOpenTask",
    "RiskOverdueMeasure",
    "RiskRegion",
    "RiskReview",
    "RiskReviewCompleteRequest",
    "RisksHeatmapRetrieveImpactType1",
    "RisksHeatmapRetrieveLevel",
    "RisksHeatmapRetrieveLikelihoodType1",
    "RisksHeatmapRetrieveOverdueType1",
    "RisksHeatmapRetrieveStatus",
    "RisksHeatmapRetrieveType",
    "RisksRisksListImpactType1",
    "RisksRisksListLevel",
    "RisksRisksListLikelihoodType1",
    "RisksRisksListOverdueType1",
    "RisksRisksListPageSizeType1",
    "RisksRisksListPageType1",
    "RisksRisksListStatus",
    "RisksRisksListType",
    "RiskSummary",
    "RiskSummaryLevels",
    "RiskTypeEnum",
    "SalesActual",
    "SalesActualInputRequest",
    "SavedFilter",
    "SavedFiltersListPageSizeType1",
    "SavedFiltersListPageType1",
    "SignerPositionEnum",
    "Sla",
    "SlowRequest",
    "Split",
    "Standard",
    "StepCycle",
    "Submission",
    "SubmissionInputRequest",
    "SubmitRequest",
    "Task",
    "TaskAvailableActionsEnum",
    "TaskRequest",
    "TasksListAmountMaxType1",
    "TasksListAmountMinType1",
    "TasksListKind",
    "TasksListOverdueType1",
    "TasksListPageSizeType1",
    "TasksListPageType1",
    "TasksListScope",
    "TasksListSubmitterType1",
    "Template",
    "Throughput",
    "Token",
    "TokenResponse",
    "TransferRequest",
    "TravelClassEnum",
    "TriggerEnum",
    "Upload",
    "UploadInputRequest",
    "UrgeRequest",
    "UrgeResponse",
    "Verify",
    "VerifyFirstBrokenType0",
    "Version",
    "WaitingWorked",
    "WithdrawRequest",
)
