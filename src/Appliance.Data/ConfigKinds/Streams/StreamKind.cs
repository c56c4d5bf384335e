using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Streams;

/// <summary>Streams: raw TCP proxied to a pool, from a port of their own or by SNI from the HTTPS port without terminating TLS.</summary>
internal sealed class StreamKind : EntityConfigKind<StreamSpec, StreamEntity>
{
    public override string Member => "streams";

    public override string EntityType => "stream";

    public override string Noun => "stream";

    public override IReadOnlyList<IConfigValidator<StreamSpec>> Validators { get; } =
        [new StreamValidator(), new StreamPortValidator(), new StreamSniHostsValidator()];

    public override IConfigMapper<StreamSpec, StreamEntity> Mapper { get; } = new StreamMapper();

    public override IReadOnlyList<StreamSpec>? Get(ConfigDocument document) => document.Streams;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<StreamSpec> items) => document with { Streams = items };

    public override string NameOf(StreamSpec spec) => spec.Name;

    public override StreamSpec WithName(StreamSpec spec, string name) => spec with { Name = name };

    public override StreamSpec Normalize(StreamSpec spec) => ConfigNormalizer.Normalize(spec);
}
