// Placeholder: replaced by the page's owner.
export function DesignerPage({ workflowId, executionId }: { workflowId: string; executionId: string | null }) {
  return <main><h1>{workflowId}</h1>{executionId}</main>;
}
