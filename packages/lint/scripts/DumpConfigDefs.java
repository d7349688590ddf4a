/*
 * Dumps the ConfigDefs of one Apache Kafka version as JSON on stdout, for
 * generate-catalogues.ts. Run with the version's jars (Java 17 single-file launch):
 *
 *   java -cp '<cache>/<version>/*' DumpConfigDefs.java
 *
 * Where a ConfigDef lives changed over versions, so each role lists candidate
 * "class#member" locations, tried in order (static method or field, then the
 * Scala object's MODULE$). Validators are read by reflection: Range (min/max),
 * ValidString / CaseInsensitiveValidString (valid values), ValidList (valid
 * list items), CompositeValidator (its parts); others keep their toString().
 * For Kafka Streams it also records what StreamsConfig itself changes per
 * processing.guarantee (commit.interval.ms, producer/consumer overrides).
 */
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.*;
import org.apache.kafka.common.config.ConfigDef;

public class DumpConfigDefs {
  static final String[][] ROLES = {
    {"producer", "org.apache.kafka.clients.producer.ProducerConfig#configDef", "org.apache.kafka.clients.producer.ProducerConfig#CONFIG"},
    {"consumer", "org.apache.kafka.clients.consumer.ConsumerConfig#configDef", "org.apache.kafka.clients.consumer.ConsumerConfig#CONFIG"},
    {"admin", "org.apache.kafka.clients.admin.AdminClientConfig#configDef", "org.apache.kafka.clients.admin.AdminClientConfig#CONFIG"},
    {"streams", "org.apache.kafka.streams.StreamsConfig#configDef", "org.apache.kafka.streams.StreamsConfig#CONFIG"},
    {"broker", "kafka.server.KafkaConfig#configDef", "org.apache.kafka.server.config.AbstractKafkaConfig#CONFIG_DEF"},
    {"topic", "org.apache.kafka.storage.internals.log.LogConfig#CONFIG", "kafka.log.LogConfig#configDefCopy"},
  };

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder("{\"roles\":{");
    boolean first = true;
    for (String[] role : ROLES) {
      String found = null;
      ConfigDef def = null;
      for (int i = 1; i < role.length && def == null; i++) {
        def = locate(role[i]);
        if (def != null) found = role[i];
      }
      if (def == null) throw new IllegalStateException("no ConfigDef found for " + role[0]);
      if (!first) out.append(',');
      first = false;
      out.append(str(role[0])).append(":{\"source\":").append(str(found)).append(",\"keys\":[");
      boolean firstKey = true;
      for (ConfigDef.ConfigKey k : new TreeMap<>(def.configKeys()).values()) {
        if (!firstKey) out.append(',');
        firstKey = false;
        out.append(key(k));
      }
      out.append("]}");
    }
    out.append("},\"streamsGuarantees\":").append(streamsGuarantees()).append('}');
    System.out.println(out);
  }

  /** "pkg.Class#member": static no-arg method, static field, or the Scala object's member. */
  static ConfigDef locate(String spec) {
    String[] parts = spec.split("#");
    try {
      Class<?> c = Class.forName(parts[0]);
      Object v = member(c, null, parts[1]);
      if (v == null) {
        try {
          Class<?> obj = Class.forName(parts[0] + "$");
          v = member(obj, obj.getField("MODULE$").get(null), parts[1]);
        } catch (ClassNotFoundException | NoSuchFieldException e) { /* not a Scala object */ }
      }
      return v instanceof ConfigDef ? (ConfigDef) v : null;
    } catch (ClassNotFoundException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(spec, e);
    }
  }

  static Object member(Class<?> c, Object self, String name) throws ReflectiveOperationException {
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 0 && (self != null) != Modifier.isStatic(m.getModifiers())) {
        m.setAccessible(true);
        return m.invoke(self);
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (f.getName().equals(name) && (self != null) != Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        return f.get(self);
      }
    }
    return null;
  }

  static String key(ConfigDef.ConfigKey k) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"key\":").append(str(k.name));
    b.append(",\"type\":").append(str(k.type.name().toLowerCase(Locale.ROOT)));
    b.append(",\"importance\":").append(str(k.importance == null ? null : k.importance.name().toLowerCase(Locale.ROOT)));
    b.append(",\"doc\":").append(str(k.documentation));
    if (k.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
      b.append(",\"required\":true,\"default\":null");
    } else {
      String d = k.defaultValue == null ? null
          : k.type == ConfigDef.Type.PASSWORD ? "[hidden]"
          : ConfigDef.convertToString(k.defaultValue, k.type);
      b.append(",\"default\":").append(str(d));
    }
    if (k.internalConfig) b.append(",\"internal\":true");
    if (k.validator != null) validator(k.validator, b, false);
    return b.append('}').toString();
  }

  /** Appends what a validator allows; `inList` when it validates list items. */
  static void validator(Object v, StringBuilder b, boolean inList) {
    String cls = v.getClass().getSimpleName();
    try {
      switch (cls) {
        case "Range": {
          Object min = field(v, "min"), max = field(v, "max");
          if (min != null) b.append(",\"min\":").append(min);
          if (max != null) b.append(",\"max\":").append(max);
          return;
        }
        case "ValidString":
        case "CaseInsensitiveValidString": {
          Collection<?> values = (Collection<?>) field(v, "validStrings");
          b.append(inList ? ",\"validItems\":[" : ",\"validValues\":[");
          boolean f = true;
          for (Object s : values) { if (!f) b.append(','); f = false; b.append(str(String.valueOf(s))); }
          b.append(']');
          if (cls.startsWith("Case")) b.append(",\"caseInsensitive\":true");
          return;
        }
        case "ValidList": {
          Object inner = field(v, "validString");
          if (inner != null) validator(inner, b, true);
          return;
        }
        case "CompositeValidator": {
          for (Object part : (List<?>) field(v, "validators")) validator(part, b, inList);
          return;
        }
        default:
          b.append(",\"validator\":").append(str(String.valueOf(v)));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      b.append(",\"validator\":").append(str(String.valueOf(v)));
    }
  }

  static Object field(Object o, String name) throws ReflectiveOperationException {
    for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
      } catch (NoSuchFieldException e) { /* try the superclass */ }
    }
    throw new NoSuchFieldException(name);
  }

  /** What StreamsConfig changes per guarantee: commit.interval.ms and the clients' configs. */
  static String streamsGuarantees() throws Exception {
    Class<?> sc = Class.forName("org.apache.kafka.streams.StreamsConfig");
    ConfigDef def = (ConfigDef) sc.getMethod("configDef").invoke(null);
    ConfigDef.ConfigKey pg = def.configKeys().get("processing.guarantee");
    Collection<?> guarantees = (Collection<?>) field(pg.validator, "validStrings");
    StringBuilder b = new StringBuilder("{");
    boolean first = true;
    for (Object g : guarantees) {
      Properties p = new Properties();
      p.put("application.id", "app");
      p.put("bootstrap.servers", "localhost:9092");
      p.put("processing.guarantee", g);
      Object cfg;
      try {
        cfg = sc.getConstructor(Map.class).newInstance(p);
      } catch (ReflectiveOperationException e) {
        continue; // this version refuses the guarantee outright
      }
      TreeMap<String, String> values = new TreeMap<>();
      values.put("commit.interval.ms", String.valueOf(sc.getMethod("getLong", String.class).invoke(cfg, "commit.interval.ms")));
      Map<?, ?> prod = (Map<?, ?>) sc.getMethod("getProducerConfigs", String.class).invoke(cfg, "client");
      for (Map.Entry<?, ?> e : prod.entrySet()) values.put("producer." + e.getKey(), String.valueOf(e.getValue()));
      Map<?, ?> cons = (Map<?, ?>) sc.getMethod("getMainConsumerConfigs", String.class, String.class, int.class).invoke(cfg, "app", "client", 0);
      for (Map.Entry<?, ?> e : cons.entrySet()) values.put("consumer." + e.getKey(), String.valueOf(e.getValue()));
      if (!first) b.append(',');
      first = false;
      b.append(str(String.valueOf(g))).append(":{");
      boolean f = true;
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (!f) b.append(',');
        f = false;
        b.append(str(e.getKey())).append(':').append(str(e.getValue()));
      }
      b.append('}');
    }
    return b.append('}').toString();
  }

  static String str(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
