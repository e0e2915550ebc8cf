/* pipeline-pool.c: a GThreadPool over the pipeline (see pipeline-pool.h).
 *
 * Jobs wait in a queue in push order; a worker fills in its job's delta
 * and signals; the pushing thread hands over the finished jobs at the
 * head of the queue, and waits for the head when too many are in flight.
 * Every access to a job is under the pool's lock, a POSIX mutex (not a
 * GMutex, whose futexes ThreadSanitizer cannot see), so that the
 * hand-over of documents and deltas between threads is checked too.
 */
#include "pipeline-pool.h"

#include <pthread.h>

#define JOBS_PER_THREAD 4

typedef struct {
  KgDocument *document;
  KgDelta *delta;  /* set by the worker: done */
  double seconds[KG_STAGE_N_STAGES];
} Job;

struct _KgPipelinePool {
  const KgPipeline *pipeline;
  KgDeltaFunc func;
  gpointer user_data;
  GThreadPool *threads;  /* NULL: run in the caller's thread */
  guint max_in_flight;
  GQueue jobs;           /* Job, in push order */
  pthread_mutex_t lock;
  pthread_cond_t done;
  double seconds[KG_STAGE_N_STAGES];
};

static void
run_job (Job *job, const KgPipeline *pipeline)
{
  kg_pipeline_annotate_timed (pipeline, job->document, job->seconds);
  gint64 started = g_get_monotonic_time ();
  KgDelta *delta = kg_pipeline_make_delta (pipeline, job->document);
  job->seconds[KG_STAGE_FACTS] += (g_get_monotonic_time () - started) / 1e6;
  g_clear_pointer (&job->document, kg_document_free);
  job->delta = delta;
}

static void
worker (gpointer data, gpointer user_data)
{
  Job *job = data;
  KgPipelinePool *pool = user_data;
  pthread_mutex_lock (&pool->lock);
  Job result = { job->document, NULL, { 0 } };
  pthread_mutex_unlock (&pool->lock);
  run_job (&result, pool->pipeline);
  pthread_mutex_lock (&pool->lock);
  *job = result;
  pthread_cond_broadcast (&pool->done);
  pthread_mutex_unlock (&pool->lock);
}

KgPipelinePool *
kg_pipeline_pool_new (const KgPipeline *pipeline, guint n_threads, KgDeltaFunc func, gpointer user_data)
{
  g_return_val_if_fail (pipeline != NULL && func != NULL, NULL);
  KgPipelinePool *pool = g_new0 (KgPipelinePool, 1);
  pool->pipeline = pipeline;
  pool->func = func;
  pool->user_data = user_data;
  g_queue_init (&pool->jobs);
  pthread_mutex_init (&pool->lock, NULL);
  pthread_cond_init (&pool->done, NULL);
  if (n_threads > 1)
    {
      pool->threads = g_thread_pool_new (worker, pool, (int) n_threads, TRUE, NULL);
      pool->max_in_flight = n_threads * JOBS_PER_THREAD;
    }
  return pool;
}

/* Hands over finished jobs at the head; with wait, waits for the head
 * first. */
static void
hand_over (KgPipelinePool *pool, gboolean wait)
{
  for (;;)
    {
      pthread_mutex_lock (&pool->lock);
      Job *head = g_queue_peek_head (&pool->jobs);
      while (wait && head && head->delta == NULL)
        pthread_cond_wait (&pool->done, &pool->lock);
      if (head == NULL || head->delta == NULL)
        {
          pthread_mutex_unlock (&pool->lock);
          return;
        }
      g_queue_pop_head (&pool->jobs);
      pthread_mutex_unlock (&pool->lock);
      for (guint s = 0; s < KG_STAGE_N_STAGES; s++)
        pool->seconds[s] += head->seconds[s];
      pool->func (head->delta, pool->user_data);
      g_free (head);
      wait = FALSE;
    }
}

void
kg_pipeline_pool_push (KgPipelinePool *pool, KgDocument *document)
{
  g_return_if_fail (pool != NULL && document != NULL);
  Job *job = g_new0 (Job, 1);
  if (pool->threads == NULL)
    {
      job->document = document;
      run_job (job, pool->pipeline);
      g_queue_push_tail (&pool->jobs, job);
      hand_over (pool, FALSE);
      return;
    }
  pthread_mutex_lock (&pool->lock);
  job->document = document;
  g_queue_push_tail (&pool->jobs, job);
  gboolean full = g_queue_get_length (&pool->jobs) >= pool->max_in_flight;
  pthread_mutex_unlock (&pool->lock);
  g_thread_pool_push (pool->threads, job, NULL);
  hand_over (pool, full);
}

void
kg_pipeline_pool_finish (KgPipelinePool *pool)
{
  g_return_if_fail (pool != NULL);
  for (;;)
    {
      pthread_mutex_lock (&pool->lock);
      gboolean empty = g_queue_is_empty (&pool->jobs);
      pthread_mutex_unlock (&pool->lock);
      if (empty)
        return;
      hand_over (pool, TRUE);
    }
}

const double *
kg_pipeline_pool_get_seconds (const KgPipelinePool *pool)
{
  return pool->seconds;
}

void
kg_pipeline_pool_free (KgPipelinePool *pool)
{
  if (pool == NULL)
    return;
  kg_pipeline_pool_finish (pool);
  if (pool->threads)
    g_thread_pool_free (pool->threads, FALSE, TRUE);
  pthread_mutex_destroy (&pool->lock);
  pthread_cond_destroy (&pool->done);
  g_free (pool);
}
