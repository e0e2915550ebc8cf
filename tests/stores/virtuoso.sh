# virtuoso.sh: a throw-away Virtuoso server, for tests/e2e-stores.sh and
# scripts/bench-stores, which source it.  Needs virtuoso-t and isql-vt
# (Debian virtuoso-opensource-7-bin), curl, and python3 to find free ports.
#
#   virtuoso_start DIR       a new database in DIR, its ini generated there,
#                            the server on two free loopback ports; waits
#                            until it answers (false, with the log's last
#                            line in $virtuoso_why, if it does not)
#   virtuoso_load DIR FILE GRAPH   bulk-loads FILE (which must be in DIR;
#                            N-Quads or N-Triples) with ld_dir and
#                            rdf_loader_run, statements without a graph into
#                            GRAPH, then a checkpoint; false on a load error
#   virtuoso_query FILE.rq   the results, SPARQL JSON, on stdout (the HTTP
#                            endpoint); false if the query fails
#   virtuoso_stop            stops the server (safe to call twice)
#
# The server is started from the calling shell, which must call
# virtuoso_stop before it exits (a trap).

virtuoso_pid=""
virtuoso_why=""

virtuoso_free_port () {
    "${PYTHON:-python3}" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

virtuoso_start () {
    virtuoso_dir=$1
    mkdir -p "$virtuoso_dir"
    virtuoso_sql_port=$(virtuoso_free_port)
    virtuoso_http_port=$(virtuoso_free_port)
    while [ "$virtuoso_http_port" = "$virtuoso_sql_port" ]; do virtuoso_http_port=$(virtuoso_free_port); done
    # Buffers of 8 kB: 100,000 of them (800 MB) keep a graph of some
    # million statements in memory while it loads.
    cat > "$virtuoso_dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $virtuoso_dir/virtuoso.db
ErrorLogFile = $virtuoso_dir/virtuoso.log
LockFile = $virtuoso_dir/virtuoso.lck
TransactionFile = $virtuoso_dir/virtuoso.trx
xa_persistent_file = $virtuoso_dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $virtuoso_dir/virtuoso-temp.db
TransactionFile = $virtuoso_dir/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$virtuoso_sql_port
ServerThreads = 4
CheckpointInterval = 0
NumberOfBuffers = 100000
MaxDirtyBuffers = 75000
DirsAllowed = $virtuoso_dir

[HTTPServer]
ServerPort = 127.0.0.1:$virtuoso_http_port
ServerRoot = $virtuoso_dir
ServerThreads = 2

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
EOF
    virtuoso-t -f -c "$virtuoso_dir/virtuoso.ini" > "$virtuoso_dir/server.out" 2>&1 &
    virtuoso_pid=$!
    for _ in $(seq 1 120); do
        isql-vt "$virtuoso_sql_port" dba dba exec="status();" > /dev/null 2>&1 && return 0
        kill -0 "$virtuoso_pid" 2>/dev/null || break
        sleep 0.5
    done
    virtuoso_why="did not start on 127.0.0.1:$virtuoso_sql_port: $(tail -n 1 "$virtuoso_dir/virtuoso.log" 2>/dev/null)"
    virtuoso_stop
    return 1
}

virtuoso_load () {
    isql-vt "$virtuoso_sql_port" dba dba exec="ld_dir('$1', '$(basename "$2")', '$3'); rdf_loader_run(); checkpoint;
        SELECT 'failed', COUNT(*) FROM DB.DBA.load_list WHERE ll_state <> 2 OR ll_error IS NOT NULL;" \
        > "$1/load.out" 2>&1
    grep -Eq "^failed +0 *$" "$1/load.out"
}

virtuoso_query () {
    curl -sf -H "Accept: application/sparql-results+json" --data-urlencode "query@$1" \
        "http://127.0.0.1:$virtuoso_http_port/sparql"
}

virtuoso_stop () {
    [ -n "$virtuoso_pid" ] || return 0
    kill "$virtuoso_pid" 2>/dev/null
    wait "$virtuoso_pid" 2>/dev/null
    virtuoso_pid=""
}
