namespace Workflow.Core.Validation;

/// <summary>
/// The stable <see cref="ValidationError.Code"/> values of workflow validation and document reading.
/// Clients branch on these, so they never change meaning once published.
/// </summary>
public static class ValidationCodes
{
    // Reading the raw document (WorkflowDocumentReader).
    public const string TooLarge = "too_large";
    public const string TooDeep = "too_deep";
    public const string InvalidJson = "invalid_json";
    public const string InvalidDocument = "invalid_document";

    // Document-level errors (WorkflowValidator).
    public const string MissingName = "missing_name";
    public const string TooManyNodes = "too_many_nodes";
    public const string TooManyEdges = "too_many_edges";
    public const string MissingNodeId = "missing_node_id";
    public const string DuplicateNodeId = "duplicate_node_id";
    public const string UnknownNodeType = "unknown_node_type";
    public const string InvalidConfig = "invalid_config";
    public const string MissingEdgeId = "missing_edge_id";
    public const string DuplicateEdgeId = "duplicate_edge_id";
    public const string DanglingEdge = "dangling_edge";
    public const string UnknownHandle = "unknown_handle";
    public const string TriggerHasInput = "trigger_has_input";
    public const string NoTrigger = "no_trigger";
    public const string IllegalCycle = "illegal_cycle";
    public const string MissingVariableName = "missing_variable_name";
    public const string DuplicateVariable = "duplicate_variable";

    // Warnings: reported, but the document stays valid.
    public const string UnreachableNode = "unreachable_node";
}
