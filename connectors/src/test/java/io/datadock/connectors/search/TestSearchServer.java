package io.datadock.connectors.search;

import io.datadock.connectors.TestRestServer;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Elasticsearch's answers for {@link TestRestServer}: {@code GET /_cluster/health}, {@code GET
 * /_cat/indices?format=json} and {@code GET /_mapping} with the JSON Elasticsearch's reference
 * documents for them, to basic {@code elastic} with the given password or {@link #API_KEY}; 401
 * with Elasticsearch's error body otherwise. Nothing is indexed or searched.
 */
final class TestSearchServer {

  static final String USER = "elastic";
  static final String API_KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";

  private static final String HEALTH =
      """
      {"cluster_name":"testcluster","status":"yellow","timed_out":false,"number_of_nodes":1,
       "number_of_data_nodes":1,"active_primary_shards":1,"active_shards":1,"relocating_shards":0,
       "initializing_shards":0,"unassigned_shards":1,"delayed_unassigned_shards":0,
       "number_of_pending_tasks":0,"number_of_in_flight_fetch":0,
       "task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":50.0}""";
  private static final String INDICES =
      """
      [{"index":"my-index-000001","health":"yellow","status":"open","docs.count":"1200"},
       {"index":"logs-2026.12","health":"green","status":"open","docs.count":"5"},
       {"index":".security-7","health":"green","status":"open","docs.count":"3"}]""";
  private static final String MAPPINGS =
      """
      {"my-index-000001":{"mappings":{"properties":{"age":{"type":"integer"},
        "email":{"type":"keyword"},"name":{"type":"text"},
        "address":{"properties":{"city":{"type":"keyword"},"zip":{"type":"keyword"}}},
        "tags":{"type":"nested","properties":{"label":{"type":"keyword"}}}}}},
       "logs-2026.12":{"mappings":{"properties":{"@timestamp":{"type":"date"},
        "message":{"type":"text"}}}},
       ".security-7":{"mappings":{"properties":{"username":{"type":"keyword"}}}}}""";
  private static final String UNAUTHORIZED =
      """
      {"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user \
      [elastic] for REST request [/_cluster/health]"}],"type":"security_exception","reason":"unable \
      to authenticate user [elastic] for REST request [/_cluster/health]"},"status":401}""";

  private TestSearchServer() {}

  static TestRestServer http(String password) throws IOException {
    return TestRestServer.http(
        Map.of("/_cluster/health", HEALTH, "/_cat/indices", INDICES, "/_mapping", MAPPINGS),
        Set.of(TestRestServer.basic(USER, password), "ApiKey " + API_KEY),
        UNAUTHORIZED);
  }
}
