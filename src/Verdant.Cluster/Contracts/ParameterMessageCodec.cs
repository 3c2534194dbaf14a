using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace Verdant.Cluster.Contracts;

/// <summary>
/// Wire codec of <see cref="ParameterMessage"/>: the parameters travel as one length-prefixed block of little-endian
/// float32 bytes, copied in and out with a single memory copy (<see cref="FloatBlockWire"/>).
/// </summary>
/// <remarks>
/// Orleans 10.4.2's generated serializer writes a <c>float[]</c> through <c>ArrayCodec&lt;float&gt;</c>, one tagged
/// field per element (5 bytes and a virtual call per float): 87 % of the managed samples of the exchange benchmark,
/// which moved a 940 KB parameter vector between two silos at 4-10 % of raw TCP's throughput (docs/cluster.md,
/// exchange benchmark). The layout is Orleans' own tag-delimited object (fields 0 round, 1 sender, 2 parameters), so
/// it stays version tolerant like a generated codec.
/// </remarks>
[RegisterSerializer]
internal sealed class ParameterMessageCodec : IFieldCodec<ParameterMessage>
{
    private static readonly Type MessageType = typeof(ParameterMessage);

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, [AllowNull] Type expectedType,
        [AllowNull] ParameterMessage value) where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteStartObject(fieldIdDelta, expectedType, MessageType);
        Int32Codec.WriteField(ref writer, 0, value.Round);
        Int32Codec.WriteField(ref writer, 1, value.From);
        ReferenceCodec.MarkValueField(writer.Session);
        writer.WriteFieldHeaderExpected(1, WireType.LengthPrefixed);
        FloatBlockWire.Write(ref writer, value.Parameters);
        writer.WriteEndObject();
    }

    [return: MaybeNull]
    public ParameterMessage ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<ParameterMessage, TInput>(ref reader, field);
        }

        field.EnsureWireTypeTagDelimited();
        uint placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        int round = 0, from = 0;
        float[] parameters = [];
        uint id = 0;
        while (true)
        {
            Field header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }

            id += header.FieldIdDelta;
            switch (id)
            {
                case 0: round = Int32Codec.ReadValue(ref reader, header); break;
                case 1: from = Int32Codec.ReadValue(ref reader, header); break;
                case 2: parameters = ReadParameters(ref reader, header); break;
                default: reader.ConsumeUnknownField(header); break;
            }
        }

        var message = new ParameterMessage(round, from, parameters);
        ReferenceCodec.RecordObject(reader.Session, message, placeholder);
        return message;
    }

    private static float[] ReadParameters<TInput>(ref Reader<TInput> reader, Field header)
    {
        ReferenceCodec.MarkValueField(reader.Session);
        header.EnsureWireType(WireType.LengthPrefixed);
        return FloatBlockWire.Read(ref reader);
    }
}

/// <summary>A <see cref="ParameterMessage"/> is immutable, so a copy within a silo is the same object.</summary>
[RegisterCopier]
internal sealed class ParameterMessageCopier : ShallowCopier<ParameterMessage>;
