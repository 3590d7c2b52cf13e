/** Attachments: a file input that adds to a list, each file shown with its size and 删除. */
import { useId } from "react";
import { fileSize } from "./plain-words.ts";

/** What the server accepts, by content (PDF, images, OFD, Word, Excel); the server checks again. */
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx,application/pdf,image/jpeg,image/png";

export function FilePicker(props: {
  label: string;
  hint: string;
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const added = Array.from(e.target.files ?? []);
          props.onChange([...props.files, ...added]);
          e.target.value = "";
        }}
      />
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.files.length > 0 && (
        <ul className="files" aria-label="已选择的附件">
          {props.files.map((f, i) => (
            <li key={`${f.name}-${f.size}-${f.lastModified}`}>
              <span className="file-name">{f.name}</span>
              <span className="file-size">{fileSize(f.size)}</span>
              <button
                type="button"
                className="link"
                aria-label={`删除附件 ${f.name}`}
                onClick={() => props.onChange(props.files.filter((_, j) => j !== i))}
              >
                删除
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
