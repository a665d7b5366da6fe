-- DuckDB views over the tables of an output folder (default processed/; to read another one, replace
-- 'processed/' below). From the project folder: duckdb -c ".read sql/views.sql" -c "from commitments_named"
-- or in Python: duckdb.sql(open("sql/views.sql").read()); duckdb.sql("from commitment_counts").
-- Columns: docs/DATA_DICTIONARY.md. tests/store/test_views.py runs every view on the five samples.

create or replace view documents as select * from read_parquet('processed/documents/*.parquet');
create or replace view sentences as select * from read_parquet('processed/sentences/*.parquet');
create or replace view mentions as select * from read_parquet('processed/mentions/*.parquet');
create or replace view entities as select * from read_parquet('processed/entities/*.parquet');
create or replace view commitments as select * from read_parquet('processed/commitments/*.parquet');
create or replace view commitment_parties as select * from read_parquet('processed/commitment_parties/*.parquet');
-- One row per commitment as a PLOVER-style event (actor_* / recipient_* are parallel lists): the table to start from.
create or replace view events as select * from read_parquet('processed/events/*.parquet');

-- One row per commitment with names instead of ids: who (actors), towards whom (counterparts), who said it,
-- the sentence and the article it comes from.
create or replace view commitments_named as
with parties as (
  select p.commitment_id,
         list(e.canonical_name order by e.canonical_name) filter (where p.role = 'actor') as actors,
         list(e.canonical_name order by e.canonical_name) filter (where p.role = 'counterpart') as counterparts
  from commitment_parties p join entities e using (entity_id)
  group by p.commitment_id
)
select c.commitment_id, c.doc_id, d.source_path, d.title, c.date, c.modality, c.polarity, c.trigger, c.action,
       c.sectors, coalesce(p.actors, []) as actors, coalesce(p.counterparts, []) as counterparts,
       sp.canonical_name as speaker, s.text as sentence, c.confidence, c.rule
from commitments c
join documents d using (doc_id)
left join parties p using (commitment_id)
left join entities sp on sp.entity_id = c.speaker_entity_id
left join sentences s on s.doc_id = c.doc_id and s.sentence_idx = c.sentence_idx;

-- Commitments counted by actor × counterpart × sector × month (and modality): one row per combination, a
-- commitment with two actors or two sectors counts once in each of its rows; '-' for no counterpart, null
-- month for an undated document.
create or replace view commitment_counts as
with a as (
  select commitment_id, e.canonical_name as actor
  from commitment_parties join entities e using (entity_id) where role = 'actor'
), cp as (
  select commitment_id, e.canonical_name as counterpart
  from commitment_parties join entities e using (entity_id) where role = 'counterpart'
), c as (
  select commitment_id, modality, unnest(sectors) as sector, cast(date_trunc('month', date) as date) as month
  from commitments
)
select a.actor, coalesce(cp.counterpart, '-') as counterpart, c.sector, c.month, c.modality,
       count(distinct c.commitment_id) as n
from c join a using (commitment_id) left join cp using (commitment_id)
group by all
order by n desc, actor, counterpart, sector;
