namespace Workflow.Core.Expressions;

/// <summary>A piece of a template: literal text, or the code between <c>{{</c> and <c>}}</c>.</summary>
internal readonly record struct TemplateSegment(bool IsExpression, string Text);
