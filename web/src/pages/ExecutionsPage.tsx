// Placeholder: replaced by the page's owner.
export function ExecutionsPage() {
  return <main><h1>ExecutionsPage</h1></main>;
}
