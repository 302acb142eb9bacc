// /import (a new import, and the recent ones) and /import/<job id> (one import: progress, then its
// receipt). Admins only: the topbar shows the link to them alone, and the gateway refuses everyone else.
import { useParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ScriptNote } from '../../components/ScriptNote';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { useCan, usePerson } from '../../queries/person';
import type { ProfileSelection } from '../../queries/profileSelection';
import { JobView } from './JobView';
import { NewImport } from './NewImport';
import './import.css';

export function ImportPage({ selection }: { selection: ProfileSelection }) {
  const { jobId } = useParams();
  useDocumentTitle(jobId ? 'Import' : 'Import contacts');
  const known = usePerson().data !== undefined;
  const allowed = useCan().manageContacts;
  const note = (
    <ScriptNote className="script-note-inline">
      Importing needs JavaScript, which has not started (or is off): files are read and checked in this
      browser, and a running import is followed live. Recent imports and the template already work.
    </ScriptNote>
  );
  return (
    <main className="page import-page" id="main">
      {known && !allowed ? (
        <>
          <h1>Import contacts</h1>
          <EmptyState title="Only admins can import contacts" icon="!">
            <p>Your role lets you browse and look up contacts. Ask an admin to import numbers.</p>
          </EmptyState>
        </>
      ) : jobId ? (
        <JobView id={jobId} selection={selection} note={note} />
      ) : (
        <NewImport selection={selection} note={note} />
      )}
    </main>
  );
}
