/**
 * The Limits tab's table of error texts the simulator models rather than
 * copies (AWS documents the exception or rule, not the words). Rows are the
 * engine's one list, MODELLED_ERRORS, so the tab and the engine cannot differ;
 * all text, never HTML.
 */
import { MODELLED_ERRORS } from '../../engine';

export function ModelledErrorsTable() {
  return (
    <>
      <h3 id="modelled-errors-title">Error messages modelled, not confirmed</h3>
      <p className="help">
        The exception names are AWS's; these messages are the simulator's wording, because AWS does not publish them or they cannot be checked without an AWS account. Parts in angle brackets vary. Every other error text is AWS's own.
      </p>
      <div className="table-scroll" role="region" aria-labelledby="modelled-errors-title" tabIndex={0}>
        <table className="limits-table" data-testid="modelled-errors">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Operation</th>
              <th scope="col">Error</th>
              <th scope="col">Text</th>
              <th scope="col">Why not confirmed</th>
            </tr>
          </thead>
          <tbody>
            {MODELLED_ERRORS.map((e) => (
              <tr key={`${e.operation}|${e.message}`}>
                <td>{e.service}</td>
                <td>{e.operation}</td>
                <th scope="row">{e.exception}</th>
                <td>
                  <code>{e.message}</code>
                </td>
                <td>{e.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
