using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Appliance.Data.History;

/// <summary>
/// What the export withholds, put back into the history's JSON in another form. A spec member that
/// is public, settable, a string, and marked <c>[JsonIgnore]</c> (a basic-auth password hash) is left
/// out of every answer and export; a restore needs it back, so the history writes it, but only as
/// <paramref name="write"/> turns it (encrypted at rest, or an opaque tag in a diff), and reads it
/// back through <paramref name="read"/>. Found by reflection on whatever the document holds, so a
/// kind added later that withholds a secret the same way is kept the same way.
/// </summary>
internal sealed class WithheldMembers(Func<string, string> write, Func<string, string?> read)
{
    public void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string)
                || property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always }
                || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            // The ignored member is listed with its ignore condition, and cannot be un-ignored in place.
            var name = typeInfo.Options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            {
                if (typeInfo.Properties[i].Name == name)
                {
                    typeInfo.Properties.RemoveAt(i);
                }
            }

            var member = typeInfo.CreateJsonPropertyInfo(typeof(string), name);
            member.Get = owner => property.GetValue(owner) is string value ? write(value) : null;
            member.Set = (owner, value) => property.SetValue(owner, value is string text ? read(text) : null);
            typeInfo.Properties.Add(member);
        }
    }
}
