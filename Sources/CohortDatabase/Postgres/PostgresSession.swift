#if Postgres
import CohortData
import Foundation
import PostgresNIO

/// A blocking connection to a PostgreSQL server (PostgresNIO under the hood,
/// on its own one-thread event loop), for a command-line tool: each query
/// waits for all its rows. Counts the queries and the bytes received (every
/// byte read from the socket, protocol framing included), for JSON `input`.
public final class PostgresSession: SQLExecutor, @unchecked Sendable {
    public let url: DatabaseURL
    private let group: MultiThreadedEventLoopGroup
    private let connection: PostgresConnection
    private let counter: ByteCounter
    private let logger: Logger
    public private(set) var queries = 0
    private var closed = false

    public var bytesReceived: Int { counter.value }

    /// Connects (no TLS: meant for a server on this machine or a trusted network;
    /// put a TLS-terminating tunnel in front otherwise).
    public init(url: DatabaseURL) throws {
        self.url = url
        var logger = Logger(label: "survkit.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.group = group
        let counter = ByteCounter()
        self.counter = counter
        do {
            let channel = try ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteCountingHandler(counter: counter))
                    }
                }
                .connect(host: url.host, port: url.port).wait()
            let configuration = PostgresConnection.Configuration(
                establishedChannel: channel, username: url.user, password: url.password, database: url.database)
            connection = try PostgresConnection.connect(
                on: channel.eventLoop, configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw DatabaseError(.connection, "\(url.redacted): cannot connect: \(Self.message(error))")
        }
    }

    deinit { close() }

    /// Closes the connection and stops the event loop (also done on deinit).
    public func close() {
        guard !closed else { return }
        closed = true
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    public func run(_ sql: String) throws -> SQLResult {
        queries += 1
        let result: PostgresQueryResult
        do {
            result = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        } catch {
            throw DatabaseError(.query, "\(url.redacted): \(Self.message(error))\nquery: \(sql)")
        }
        var columns: [String] = []
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(result.rows.count)
        for row in result.rows {
            var values: [SQLValue] = []
            if columns.isEmpty { columns = row.map(\.columnName) }
            for cell in row { values.append(try Self.value(cell, sql: sql)) }
            rows.append(values)
        }
        return SQLResult(columns: columns, rows: rows)
    }

    /// Runs a statement that returns no rows we need (CREATE, DROP, COPY …).
    public func execute(_ sql: String) throws {
        _ = try run(sql)
    }

    /// A cell as a number (double, integer and numeric types) or text (everything else).
    static func value(_ cell: PostgresCell, sql: String) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        do {
            switch cell.dataType {
            case .float8, .float4: return .number(try cell.decode(Double.self))
            case .int8, .int4, .int2: return .number(Double(try cell.decode(Int.self)))
            case .numeric:
                let text = try cell.decode(String.self)
                guard let x = Double(text) else {
                    throw DatabaseError(.unexpectedResult, "column \(cell.columnName): '\(text)' is not a number")
                }
                return .number(x)
            case .bool: return .text(try cell.decode(Bool.self) ? "true" : "false")
            default: return .text(try cell.decode(String.self))
            }
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(
                .unexpectedResult, "column \(cell.columnName): cannot read a value of type \(cell.dataType): \(error)")
        }
    }

    /// The server's message for a PSQLError (its `description` hides it deliberately).
    static func message(_ error: any Error) -> String {
        if let e = error as? PSQLError {
            if let m = e.serverInfo?[.message] {
                let detail = e.serverInfo?[.detail].map { " (\($0))" } ?? ""
                return m + detail
            }
            if let underlying = e.underlying { return "\(underlying)" }
            return "\(e.code)"
        }
        return "\(error)"
    }
}

/// Bytes read from the socket so far.
final class ByteCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}

/// First in the pipeline: counts every inbound byte and passes the data on.
final class ByteCountingHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let counter: ByteCounter
    init(counter: ByteCounter) { self.counter = counter }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        counter.add(unwrapInboundIn(data).readableBytes)
        context.fireChannelRead(data)
    }
}
#endif
