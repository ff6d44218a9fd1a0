using System.Text.Json.Serialization;

namespace Bedflow.Web.Api;

/// <summary>The source-generated serializer of the API's documents (snake_case keys; a null property is left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthDocument))]
[JsonSerializable(typeof(MeDocument))]
[JsonSerializable(typeof(AuditPageDocument))]
[JsonSerializable(typeof(CurrentDelaysDocument))]
[JsonSerializable(typeof(PatientSearchDocument))]
[JsonSerializable(typeof(PatientDocument))]
[JsonSerializable(typeof(UsersPageDocument))]
[JsonSerializable(typeof(UserDocument))]
[JsonSerializable(typeof(UserAddDocument))]
[JsonSerializable(typeof(UserChangeDocument))]
[JsonSerializable(typeof(UserTokenDocument))]
internal sealed partial class WebJson : JsonSerializerContext;
