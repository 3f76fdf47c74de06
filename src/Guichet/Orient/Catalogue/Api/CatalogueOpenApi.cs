using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Guichet.Orient.Catalogue.Api;

/// The JSON shape of the texts the catalogue reads with converters of their own, which the
/// OpenAPI generator cannot see through: { "fr": ..., "nl": ..., "de": ..., "en": ... }, no other key.
internal static class CatalogueOpenApi
{
    public static void Describe(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(LocalizedText)) PerLanguage(schema, "A text in up to four languages.", () => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null });
        else if (type == typeof(LocalizedKeywords)) PerLanguage(schema, "Keywords per language.", () => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } });
        return Task.CompletedTask;
    });

    private static void PerLanguage(OpenApiSchema schema, string description, Func<OpenApiSchema> value)
    {
        schema.Type = JsonSchemaType.Object;
        schema.Description = description;
        schema.AdditionalPropertiesAllowed = false;
        schema.Properties = LocalizedText.Languages.ToDictionary(l => l, IOpenApiSchema (_) => value());
    }
}
