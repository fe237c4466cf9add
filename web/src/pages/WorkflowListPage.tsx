// Placeholder: replaced by the page's owner.
export function WorkflowListPage() {
  return <main><h1>WorkflowListPage</h1></main>;
}
