using System.Text.Json;
using System.Text.Json.Serialization;
using PhysML.Core.Checkpoints;
using PhysML.Core.Errors;

namespace PhysML.Core.Ecs;

/// <summary>
/// Run checkpoints of the world: every entity (ids, generations, the free list), every archetype in creation order
/// with its rows in chunk order (so queries visit entities in the same order after a resume, and sums over them give
/// the same bits), each component column by its <see cref="CheckpointKind"/>, and the resources.
/// <para>
/// Reading restores into a world that a fresh load of the same scene has taken through Startup: managed components
/// and resources that plugins built there (simulations, field views that point at them) are kept and read into, so
/// everything that refers to them stays valid.
/// </para>
/// </summary>
public sealed partial class World
{
    private static readonly JsonSerializerOptions CheckpointJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Every resource and component type in use whose state a checkpoint cannot carry, as
    /// "resource X (assembly)" / "component Y (assembly)"; empty when the world can be checkpointed.</summary>
    public IReadOnlyList<string> CheckpointProblems()
    {
        var problems = new List<string>();
        foreach (var type in _resourceOrder)
        {
            var value = ((IResourceBox)_resources[type]).Boxed;
            if (ResourceKind(type, value) == CheckpointKind.Unsupported)
                problems.Add($"resource {(value?.GetType() ?? type).Name} ({(value?.GetType() ?? type).Assembly.GetName().Name})");
            else if (value is ICheckpointable { CheckpointRefusal: { } why })
                problems.Add($"resource {value.GetType().Name} ({value.GetType().Assembly.GetName().Name}: {why})");
        }
        foreach (var archetype in _archetypes)
        {
            if (archetype.EntityCount == 0) continue;
            foreach (var type in archetype.Types)
                if (CheckpointKinds.Of(type.Type) == CheckpointKind.Unsupported)
                    problems.Add($"component {type.Type.Name} ({type.Type.Assembly.GetName().Name})");
        }
        return problems.Distinct().ToList();
    }

    // A resource registered by an interface (a loader, say) is judged by the object behind it.
    private static CheckpointKind ResourceKind(Type key, object? value)
    {
        var kind = CheckpointKinds.Of(key);
        return kind == CheckpointKind.Unsupported && value is not null && value.GetType() != key ? CheckpointKinds.Of(value.GetType()) : kind;
    }

    public void WriteCheckpoint(BinaryWriter writer)
    {
        if (CheckpointProblems() is { Count: > 0 } problems)
            throw new PhysMLException(ErrorCodes.CheckpointUnsupported, ErrorCategory.BadInput,
                $"cannot checkpoint: {string.Join("; ", problems)} hold state without checkpoint support");
        WriteEntities(writer);
        WriteResources(writer);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        GuardStructuralChange("ReadCheckpoint");
        ReadEntities(reader);
        ReadResources(reader);
    }

    private void WriteEntities(BinaryWriter writer)
    {
        writer.Write(_nextId);
        for (var id = 0; id < _nextId; id++)
        {
            if (_records[id].Reserved)
                throw new PhysMLException(ErrorCodes.CheckpointUnsupported, ErrorCategory.Internal,
                    $"entity {id} is reserved but not placed; checkpoints are taken between frames, after command buffers ran");
            writer.Write(_records[id].Generation);
            writer.Write(_records[id].Archetype is not null);
        }
        // Top of the stack first; the next Create pops the same id as in the run that wrote this.
        CheckpointData.Write<int>(writer, _freeIds.ToArray());
        CheckpointData.WriteStrings(writer, Enumerable.Range(0, Components.Count).Select(id => CheckpointKinds.NameOf(Components[id].Type)).ToList());
        writer.Write(_archetypes.Count);
        foreach (var archetype in _archetypes)
        {
            CheckpointData.Write<int>(writer, archetype.Types.Select(t => t.Id).ToArray());
            writer.Write(archetype.EntityCount);
            foreach (var chunk in archetype.Chunks)
                foreach (var entity in chunk.EntitySpan)
                {
                    writer.Write(entity.Id);
                    writer.Write(entity.Generation);
                }
            for (var c = 0; c < archetype.Types.Length; c++) WriteColumn(writer, archetype, c);
        }
    }

    private static void WriteColumn(BinaryWriter writer, Archetype archetype, int column)
    {
        var type = archetype.Types[column];
        var kind = CheckpointKinds.Of(type.Type);
        writer.Write((byte)kind);
        if (kind == CheckpointKind.RawBytes) writer.Write(type.Size);
        foreach (var chunk in archetype.Chunks)
        {
            if (kind == CheckpointKind.RawBytes)
            {
                type.WriteRaw(chunk.Columns[column], chunk.Count, writer);
                continue;
            }
            for (var row = 0; row < chunk.Count; row++)
            {
                var value = chunk.Columns[column].GetValue(row);
                if (kind == CheckpointKind.Json) writer.Write(JsonSerializer.Serialize(value, type.Type, CheckpointJson));
                else if (kind == CheckpointKind.Custom) WriteBlock(writer, (ICheckpointable)value!);
            }
        }
    }

    private void ReadEntities(BinaryReader reader)
    {
        // Managed components the fresh Startup built, by entity id: the checkpoint's state goes into them.
        var built = new Dictionary<(int Id, Type Type), object>();
        foreach (var archetype in _archetypes)
            foreach (var chunk in archetype.Chunks)
                for (var c = 0; c < archetype.Types.Length; c++)
                    if (!archetype.Types[c].Type.IsValueType)
                        for (var row = 0; row < chunk.Count; row++)
                            built[(chunk.Entities[row].Id, archetype.Types[c].Type)] = chunk.Columns[c].GetValue(row)!;

        var nextId = reader.ReadInt32();
        var records = new EntityRecord[Math.Max(256, nextId)];
        var alive = new bool[nextId];
        for (var id = 0; id < nextId; id++)
        {
            records[id].Generation = reader.ReadInt32();
            alive[id] = reader.ReadBoolean();
        }
        var free = new int[reader.ReadInt32()];
        for (var n = 0; n < free.Length; n++) free[n] = reader.ReadInt32();
        var names = CheckpointData.ReadStrings(reader);
        for (var id = 0; id < names.Count; id++)
        {
            var type = id < Components.Count ? Components[id].Type : ResolveType(names[id]);
            if (CheckpointKinds.NameOf(type) != names[id] || Components.Register(type).Id != id)
                throw new CheckpointFormatException($"component {id} is {names[id]} in the checkpoint and {CheckpointKinds.NameOf(type)} here: the plugins differ");
        }

        foreach (var archetype in _archetypes) archetype.ClearRows();
        _records = records;
        _nextId = nextId;
        _freeIds.Clear();
        for (var n = free.Length - 1; n >= 0; n--) _freeIds.Push(free[n]);
        EntityCount = 0;

        var archetypeCount = reader.ReadInt32();
        for (var index = 0; index < archetypeCount; index++)
        {
            var ids = new int[reader.ReadInt32()];
            for (var n = 0; n < ids.Length; n++) ids[n] = reader.ReadInt32();
            var archetype = GetOrCreateArchetype(ComponentSet.Of(ids));
            if (archetype.Index != index)
                throw new CheckpointFormatException($"archetype {archetype} is number {archetype.Index} here and {index} in the checkpoint");
            var count = reader.ReadInt32();
            for (var n = 0; n < count; n++)
            {
                var entity = new Entity(reader.ReadInt32(), reader.ReadInt32());
                if ((uint)entity.Id >= (uint)nextId || !alive[entity.Id] || records[entity.Id].Generation != entity.Generation)
                    throw new CheckpointFormatException($"entity {entity} is not a live entity of the checkpoint");
                ref var record = ref _records[entity.Id];
                var (_, chunkIndex, row) = archetype.AllocateRow(entity);
                (record.Archetype, record.ChunkIndex, record.Row) = (archetype, chunkIndex, row);
                EntityCount++;
            }
            for (var c = 0; c < archetype.Types.Length; c++) ReadColumn(reader, archetype, c, built);
        }
        for (var id = 0; id < nextId; id++)
            if (alive[id] && _records[id].Archetype is null)
                throw new CheckpointFormatException($"entity {id} is alive in the checkpoint but in no archetype");
    }

    private static void ReadColumn(BinaryReader reader, Archetype archetype, int column, Dictionary<(int, Type), object> built)
    {
        var type = archetype.Types[column];
        var kind = (CheckpointKind)reader.ReadByte();
        if (kind != CheckpointKinds.Of(type.Type))
            throw new CheckpointFormatException($"component {type.Type.Name} is stored as {kind}, here it is {CheckpointKinds.Of(type.Type)}");
        if (kind == CheckpointKind.RawBytes && reader.ReadInt32() != type.Size)
            throw new CheckpointFormatException($"component {type.Type.Name} has another size in the checkpoint: its layout changed");
        foreach (var chunk in archetype.Chunks)
        {
            if (kind == CheckpointKind.RawBytes)
            {
                type.ReadRaw(reader, chunk.Columns[column], chunk.Count);
                continue;
            }
            for (var row = 0; row < chunk.Count; row++)
            {
                var entity = chunk.Entities[row];
                if (kind == CheckpointKind.Json)
                {
                    chunk.Columns[column].SetValue(JsonSerializer.Deserialize(reader.ReadString(), type.Type, CheckpointJson), row);
                    continue;
                }
                if (!built.TryGetValue((entity.Id, type.Type), out var instance))
                    throw new CheckpointFormatException($"{entity} has a {type.Type.Name} in the checkpoint, and Startup built none for it here");
                if (kind == CheckpointKind.Custom) ReadBlock(reader, (ICheckpointable)instance, type.Type.Name);
                chunk.Columns[column].SetValue(instance, row);
            }
        }
    }

    private void WriteResources(BinaryWriter writer)
    {
        var saved = _resourceOrder.Where(t => ResourceKind(t, ((IResourceBox)_resources[t]).Boxed) != CheckpointKind.Stateless).ToList();
        writer.Write(saved.Count);
        foreach (var type in saved)
        {
            var value = ((IResourceBox)_resources[type]).Boxed;
            var kind = ResourceKind(type, value);
            writer.Write(CheckpointKinds.NameOf(type));
            writer.Write((byte)kind);
            if (kind == CheckpointKind.Custom) WriteBlock(writer, (ICheckpointable)value!);
            else if (kind == CheckpointKind.Json) writer.Write(JsonSerializer.Serialize(value, type, CheckpointJson));
            else
            {
                var column = Array.CreateInstance(type, 1);
                column.SetValue(value, 0);
                writer.Write(Components.Register(type).Size);
                Components.Register(type).WriteRaw(column, 1, writer);
            }
        }
    }

    private void ReadResources(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        for (var n = 0; n < count; n++)
        {
            var name = reader.ReadString();
            var kind = (CheckpointKind)reader.ReadByte();
            var type = _resourceOrder.FirstOrDefault(t => CheckpointKinds.NameOf(t) == name) ?? ResolveType(name);
            var present = _resources.TryGetValue(type, out var box);
            if (kind == CheckpointKind.Custom)
            {
                if (!present || ((IResourceBox)box!).Boxed is not ICheckpointable target)
                    throw new CheckpointFormatException($"resource {type.Name} is in the checkpoint, and Startup built none here");
                ReadBlock(reader, target, type.Name);
                continue;
            }
            object? value;
            if (kind == CheckpointKind.Json) value = JsonSerializer.Deserialize(reader.ReadString(), type, CheckpointJson);
            else
            {
                var componentType = ComponentTypeFor(type);
                if (reader.ReadInt32() != componentType.Size)
                    throw new CheckpointFormatException($"resource {type.Name} has another size in the checkpoint: its layout changed");
                var column = Array.CreateInstance(type, 1);
                componentType.ReadRaw(reader, column, 1);
                value = column.GetValue(0);
            }
            if (present) ((IResourceBox)box!).SetBoxed(value);
            else
            {
                _resources.Add(type, (IResourceBox)Activator.CreateInstance(typeof(ResourceBox<>).MakeGenericType(type), value)!);
                _resourceOrder.Add(type);
            }
        }
    }

    // Raw resource values reuse the component machinery for their bytes; registering the type as a component id is
    // harmless (ids only order archetype columns) but would shift later ids, so a type unknown as a component gets a
    // private registry.
    private ComponentType ComponentTypeFor(Type type) =>
        Components.TryGet(type, out var known) ? known : new ComponentRegistry().Register(type);

    private static void WriteBlock(BinaryWriter writer, ICheckpointable state)
    {
        var buffer = new MemoryStream();
        using (var block = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) state.WriteCheckpoint(block);
        writer.Write(buffer.Length);
        writer.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    // Each state in its own length-prefixed block: a reader that takes more or less than its writer wrote is caught
    // here, with the type's name, instead of garbling everything after it.
    private static void ReadBlock(BinaryReader reader, ICheckpointable state, string name)
    {
        var length = reader.ReadInt64();
        var bytes = reader.ReadBytes(checked((int)length));
        if (bytes.Length != length) throw new CheckpointFormatException($"{name}: the checkpoint ends early");
        using var block = new BinaryReader(new MemoryStream(bytes));
        try
        {
            state.ReadCheckpoint(block);
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointFormatException($"{name}: its state in the checkpoint is shorter than it reads");
        }
        if (block.BaseStream.Position != length)
            throw new CheckpointFormatException($"{name}: read {block.BaseStream.Position} of the {length} bytes of its state");
    }

    private static Type ResolveType(string name) =>
        Type.GetType(name) ?? throw new CheckpointFormatException($"type {name} of the checkpoint is not loaded here: a plugin is missing");
}
