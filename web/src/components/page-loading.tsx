/** 正在载入…… while a page's code or the vocabularies load: plain HTML (no Ant Design yet). */
export function PageLoading() {
  return (
    <div className="page-loading" role="status">
      <span className="page-loading-dot" aria-hidden="true" />
      正在载入……
    </div>
  );
}
