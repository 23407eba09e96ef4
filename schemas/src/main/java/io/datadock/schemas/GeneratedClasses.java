package io.datadock.schemas;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Initializes a generated record class and those of every record its schema holds, on a thread of
 * their own that ends at once.
 *
 * <p>Each generated record class has a static reader ({@code READER$}, and one in its {@code
 * DECODER}) that keeps the thread its class was initialized on ({@code GenericDatumReader}'s
 * creator), for as long as the class is loaded. Left to the first decode, or to the first code that
 * builds one, that was a Kafka Streams thread, and through it the whole app a replay had closed
 * (about 2 MB in depot-service, kept by {@code DepotReference}). A thread of their own keeps
 * nothing once it has ended.
 */
public final class GeneratedClasses {

  private GeneratedClasses() {}

  public static void initialize(Class<? extends SpecificRecord> type) {
    AtomicReference<RuntimeException> failed = new AtomicReference<>();
    Thread initializing =
        new Thread(
            () -> {
              try {
                initialize(
                    SpecificData.get().getSchema(type), type.getClassLoader(), new HashSet<>());
              } catch (RuntimeException e) {
                failed.set(e);
              }
            },
            "avro-class-init");
    initializing.start();
    try {
      initializing.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted initializing " + type.getName(), e);
    }
    if (failed.get() != null) {
      throw failed.get();
    }
  }

  private static void initialize(Schema schema, ClassLoader loader, Set<String> seen) {
    switch (schema.getType()) {
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          load(schema.getFullName(), loader);
          schema.getFields().forEach(field -> initialize(field.schema(), loader, seen));
        }
      }
      case FIXED -> load(schema.getFullName(), loader);
      case ARRAY -> initialize(schema.getElementType(), loader, seen);
      case MAP -> initialize(schema.getValueType(), loader, seen);
      case UNION -> schema.getTypes().forEach(branch -> initialize(branch, loader, seen));
      default -> {
        // enums and primitives hold no reader
      }
    }
  }

  private static void load(String name, ClassLoader loader) {
    try {
      Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      // a record with no generated class is read generically: nothing to initialize
    }
  }
}
