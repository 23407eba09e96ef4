package io.datadock.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.datadock.core.error.DatadockException;
import io.datadock.core.error.ErrorCode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.BaseConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses a request body into manifest documents: YAML (one or more, {@code ---} separated) or JSON
 * (an object or an array of objects). Bounded against hostile input (size, nesting, document count)
 * and strict about duplicate keys. YAML anchors and aliases are refused outright, as the parser
 * reads them and before the composer sees them, so no alias is ever expanded (a manifest has no use
 * for them, and nested aliases grow exponentially). Error messages name positions and key names,
 * never values, which may be passwords. A secret's data values are read as written ({@link
 * DataScalars}).
 */
public final class ManifestParser {

  private final ManifestLimits limits;
  private final ObjectMapper json;

  /**
   * What reads YAML, one per thread and reused: building it (the resolver compiles a dozen
   * patterns, the constructor registers every tag) cost more than parsing a typical manifest. It is
   * not thread-safe but keeps no state between bodies.
   */
  private record YamlLoader(
      LoaderOptions options, Resolver resolver, BaseConstructor constructor) {}

  private final ThreadLocal<YamlLoader> loaders = ThreadLocal.withInitial(this::newLoader);

  public ManifestParser(ManifestLimits limits) {
    this.limits = limits;
    this.json =
        JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    this.json
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build());
  }

  public List<Map<String, Object>> parse(String body, boolean isJson) {
    if (body.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
      throw new DatadockException(
          ErrorCode.TOO_LARGE,
          "the request body exceeds the limit of " + limits.maxBytes() + " bytes");
    }
    List<Object> documents = isJson ? parseJson(body) : parseYaml(body);
    if (documents.isEmpty()) {
      throw DatadockException.malformed("the body holds no manifest");
    }
    if (documents.size() > limits.maxDocuments()) {
      throw DatadockException.malformed(
          "the body holds "
              + documents.size()
              + " documents, more than the limit of "
              + limits.maxDocuments());
    }
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      if (!(documents.get(i) instanceof Map<?, ?> map)) {
        throw DatadockException.malformed("document " + (i + 1) + ": a manifest must be a mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> manifest = (Map<String, Object>) map;
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw DatadockException.malformed("document " + (i + 1) + ": keys must be strings");
        }
      }
      manifests.add(manifest);
    }
    return manifests;
  }

  private YamlLoader newLoader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    options.setCodePointLimit(limits.maxBytes());
    options.setAllowRecursiveKeys(false);
    BaseConstructor constructor = DataScalars.constructor(options);
    // what Yaml's constructor would copy from the options
    constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
    constructor.setWarnOnDuplicateKeys(options.isWarnOnDuplicateKeys());
    constructor.setWrappedToRootException(options.isWrappedToRootException());
    return new YamlLoader(options, new Resolver(), constructor);
  }

  /**
   * One pass: the events go through {@link AliasRefusingParser}, which refuses the first anchor or
   * alias before the composer sees it, so no alias is ever expanded.
   */
  private List<Object> parseYaml(String body) {
    YamlLoader loader = loaders.get();
    AliasRefusingParser events =
        new AliasRefusingParser(
            new ParserImpl(new StreamReader(new StringReader(body)), loader.options()));
    BaseConstructor constructor = loader.constructor();
    constructor.setComposer(new Composer(events, loader.resolver(), loader.options()));
    List<Object> documents = new ArrayList<>();
    try {
      while (constructor.checkData()) {
        Object document = constructor.getData();
        if (document != null) {
          documents.add(document);
          if (documents.size() > limits.maxDocuments()) {
            break;
          }
        }
      }
    } catch (MarkedYAMLException e) {
      throw DatadockException.malformed("document " + events.document() + ": " + describe(e));
    } catch (YAMLException e) {
      throw DatadockException.malformed("document " + events.document() + ": " + yamlMessage(e));
    }
    return documents;
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    Mark mark = e.getProblemMark();
    return mark == null
        ? problem
        : problem + " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /** SnakeYAML's own messages for limit violations hold no document text; keep them. */
  private static String yamlMessage(YAMLException e) {
    String message = e.getMessage() == null ? "invalid YAML" : e.getMessage();
    if (message.contains("aliases")) {
      return "too many YAML aliases (a document may use at most a bounded number): " + message;
    }
    return message.lines().findFirst().orElse("invalid YAML");
  }

  /**
   * Jackson quotes the offending token, which may be part of a password; only a duplicate key's
   * name is kept.
   */
  private static String jsonProblem(String message) {
    String first = message == null ? "invalid JSON" : message.lines().findFirst().orElse("");
    if (first.startsWith("Duplicate field")) {
      return first.replace("Duplicate field", "duplicate key");
    }
    return first.replaceAll("'[^']*'", "a token").replaceAll("\\([^)]*\\)", "").trim();
  }

  private List<Object> parseJson(String body) {
    try {
      // exact decimals, so a secret's data keeps the digits written (DataScalars)
      JsonNode root =
          json.reader()
              .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
              .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
              .readTree(body);
      if (root == null || root.isMissingNode()) {
        return List.of();
      }
      List<Object> documents = new ArrayList<>();
      if (root.isArray()) {
        root.forEach(
            node -> {
              DataScalars.keepText(node);
              documents.add(json.convertValue(node, Object.class));
            });
      } else {
        DataScalars.keepText(root);
        documents.add(json.convertValue(root, Object.class));
      }
      return documents;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw DatadockException.malformed(
          "invalid JSON: " + jsonProblem(e.getOriginalMessage()) + where);
    }
  }
}
