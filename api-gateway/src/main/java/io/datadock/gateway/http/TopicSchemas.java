package io.datadock.gateway.http;

import io.datadock.schemas.Topic;
import io.datadock.schemas.Topics;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * The Avro schema of every topic's values, read from the topic registry's value types (one per
 * topic, three on {@code depot.commands}), each whole: the named types it uses are defined inside
 * it, so a reader needs no other file. The Java code generator's own property ({@value
 * #JAVA_STRING}) is left out: it means nothing to a reader in another language.
 */
final class TopicSchemas {

  private static final String JAVA_STRING = "avro.java.string";

  private TopicSchemas() {}

  /** Schemas by file name ({@code SecretCommand.avsc}), as pretty-printed Avro JSON. */
  static Map<String, String> byFileName() {
    Map<String, String> out = new TreeMap<>();
    for (Topic<?, ?> topic : Topics.ALL) {
      for (Class<?> valueType : topic.valueTypes()) {
        Schema schema = SpecificData.get().getSchema(valueType);
        Object json = withoutJavaProperties(Json.decodeValue(schema.toString()));
        out.put(valueType.getSimpleName() + ".avsc", ((JsonObject) json).encodePrettily());
      }
    }
    return Map.copyOf(out);
  }

  /** {@code {"type": "string", "avro.java.string": "String"}} is {@code "string"} again. */
  private static Object withoutJavaProperties(Object node) {
    if (node instanceof JsonObject object) {
      object.remove(JAVA_STRING);
      if (object.size() == 1 && object.getValue("type") instanceof String type) {
        return type;
      }
      for (String key : object.fieldNames()) {
        object.put(key, withoutJavaProperties(object.getValue(key)));
      }
      return object;
    }
    if (node instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(withoutJavaProperties(item)));
      return out;
    }
    return node;
  }
}
